import type { Item } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { switchNode } from './switch.js';

const input = [{ score: 90 }, { score: 60 }, { score: 10 }];
const rulesFor = (item: Item) => [
  { condition: Number(item.score) >= 80 },
  { condition: Number(item.score) >= 50 },
];

describe('core/switch', () => {
  it('sends each item to the first rule it matches and the rest to fallback', async () => {
    const result = await runNode(switchNode, { input, itemParams: (item) => ({ rules: rulesFor(item) }) });
    expect(result.output).toEqual({
      '0': [{ score: 90 }],
      '1': [{ score: 60 }],
      '2': [],
      '3': [],
      fallback: [{ score: 10 }],
    });
  });

  it('sends an item to every matching rule with allMatches', async () => {
    const result = await runNode(switchNode, {
      input,
      itemParams: (item) => ({ rules: rulesFor(item), allMatches: true }),
    });
    expect(result.output['0']).toEqual([{ score: 90 }]);
    expect(result.output['1']).toEqual([{ score: 90 }, { score: 60 }]);
  });

  it('drops unmatched items when fallback is off', async () => {
    const result = await runNode(switchNode, {
      input,
      itemParams: (item) => ({ rules: rulesFor(item), fallback: false }),
    });
    expect(result.output.fallback).toEqual([]);
  });

  it('allows at most four rules', async () => {
    const rules = Array.from({ length: 5 }, () => ({ condition: true }));
    await expect(runNode(switchNode, { params: { rules } })).rejects.toThrow();
  });

  it('declares rule outputs 0 to 3 and fallback', () => {
    expect(Object.keys(switchNode.outputs)).toEqual(['0', '1', '2', '3', 'fallback']);
  });
});
