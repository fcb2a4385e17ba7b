import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { ifNode } from './if.js';

describe('core/if', () => {
  it('routes each item by its own evaluated condition', async () => {
    const input = [{ sentiment: -0.8 }, { sentiment: 0.4 }, { sentiment: -0.1 }];
    const result = await runNode(ifNode, {
      input,
      itemParams: (item) => ({ condition: Number(item.sentiment) < -0.5 }),
    });
    expect(result.output).toEqual({
      true: [{ sentiment: -0.8 }],
      false: [{ sentiment: 0.4 }, { sentiment: -0.1 }],
    });
  });

  it('accepts "true" and "false" strings', async () => {
    const result = await runNode(ifNode, {
      input: [{ n: 1 }, { n: 2 }],
      itemParams: (item) => ({ condition: item.n === 1 ? 'true' : 'false' }),
    });
    expect(result.output).toEqual({ true: [{ n: 1 }], false: [{ n: 2 }] });
  });

  it('rejects a condition that is not a boolean', async () => {
    await expect(runNode(ifNode, { params: { condition: 'maybe' } })).rejects.toThrow();
  });

  it('has outputs true and false', () => {
    expect(Object.keys(ifNode.outputs)).toEqual(['true', 'false']);
  });
});
