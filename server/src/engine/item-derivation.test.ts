import type { Item } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { identityDerivations, rebuildItems } from './item-derivation.js';

const a: Item = { id: 'a', text: 'great', n: 1 };
const b: Item = { id: 'b', text: 'awful', n: 2 };

/** The items again from the derivation, as the store reads them back. */
const rebuilt = (items: Item[], input: Item[]) => {
  const derivation = identityDerivations({ main: input })(items);
  return derivation && rebuildItems(input, derivation.from, derivation.changes);
};

describe('identityDerivations', () => {
  it('names input items passed on by index, in any order and more than once', () => {
    expect(identityDerivations({ main: [a, b] })([b, a, b])).toMatchObject({
      from: [1, 0, 1],
      changes: [{}, {}, {}],
    });
  });

  it('keeps only the changed fields of an item spread from the input item at its position', () => {
    const items = [{ ...a, text: 'better', score: 3 }, { ...b }];
    expect(identityDerivations({ main: [a, b] })(items)).toMatchObject({
      from: [0, 1],
      changes: [{ text: 'better', score: 3 }, {}],
    });
    expect(JSON.stringify(rebuilt(items, [a, b]))).toBe(JSON.stringify(items));
  });

  it.each([
    ['fields in another order', { score: 3, ...a }],
    ['a field dropped', { id: 'a', text: 'great' }],
    ['no value kept', { id: 'x', text: 'y', n: 9 }],
    ['a __proto__ field', JSON.parse('{"id":"a","text":"great","n":1,"__proto__":{"x":1}}') as Item],
    ['a toJSON method', { ...a, toJSON: () => 'other' } as unknown as Item],
  ])('stores an item with %s whole', (_case, item) => {
    expect(identityDerivations({ main: [a, b] })([item, b])).toMatchObject({
      from: [-1, 1],
      changes: [item, {}],
    });
    expect(JSON.stringify(rebuilt([item, b], [a, b]))).toBe(JSON.stringify([item, b]));
  });

  it('finds nothing when no item shares anything with the input', () => {
    expect(identityDerivations({ main: [a] })([{ id: 'new' }])).toBeUndefined();
    expect(identityDerivations({})([a])).toBeUndefined();
  });
});
