import { z } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import type { ExpressionEvaluator } from './ports.js';
import { resolveParams } from './step-params.js';

const node = {
  id: 'n',
  type: 'test/rule@1',
  params: { hit: '{{ $json.hit }}' },
  position: { x: 0, y: 0 },
  onError: 'stop' as const,
};

/** An evaluator that hands items with equal results one object, as the sandboxed one does. */
function sharingEvaluator(): ExpressionEvaluator {
  return {
    hasExpressions: () => true,
    async resolve(_params, _context, items) {
      const shared = new Map<unknown, unknown>();
      return items.map((item) => {
        if (!shared.has(item.hit)) shared.set(item.hit, { hit: item.hit });
        return shared.get(item.hit);
      });
    },
  };
}

describe('resolveParams', () => {
  it('parses a params object that several items share once, and hands them one result', async () => {
    let parses = 0;
    const schema = z.object({ hit: z.boolean() }).transform((value) => {
      parses++;
      return value;
    });
    const { itemParams } = await resolveParams({
      node,
      schema,
      input: { main: [{ hit: true }, { hit: false }, { hit: true }, { hit: true }] },
      expressions: sharingEvaluator(),
      context: () => ({
        nodes: {},
        execution: { id: 'e', workflowId: 'w', mode: 'manual' },
        workflow: { id: 'w', name: 'w', version: 1 },
        vars: {},
        now: '',
      }),
    });
    expect(itemParams.main).toEqual([{ hit: true }, { hit: false }, { hit: true }, { hit: true }]);
    expect(parses).toBe(2);
    expect(itemParams.main?.[0]).toBe(itemParams.main?.[3]);
  });
});
