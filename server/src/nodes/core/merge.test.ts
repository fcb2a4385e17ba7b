import type { Item } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { mergeNode } from './merge.js';

const mentions = [
  { author: { id: 'u1' }, text: 'great' },
  { author: { id: 'u2' }, text: 'meh' },
  { author: { id: 'u9' }, text: 'who?' },
];
const profiles = [
  { author: { id: 'u1' }, tier: 'vip' },
  { author: { id: 'u2' }, tier: 'fan' },
  { author: { id: 'u3' }, tier: 'new' },
];
const byAuthor = (join: string) => ({ mode: 'byKey', key: 'author.id', join });

describe('core/merge', () => {
  it('appends B after A by default', async () => {
    const result = await runNode(mergeNode, { input: { a: [{ n: 1 }], b: [{ n: 2 }, { n: 3 }] } });
    expect(result.output.main).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('has inputs a and b', () => {
    expect(Object.keys(mergeNode.inputs)).toEqual(['a', 'b']);
  });

  it('joins by key, keeping only pairs for an inner join', async () => {
    const result = await runNode(mergeNode, {
      params: byAuthor('inner'),
      input: { a: mentions, b: profiles },
    });
    expect(result.output.main).toEqual([
      { author: { id: 'u1' }, text: 'great', tier: 'vip' },
      { author: { id: 'u2' }, text: 'meh', tier: 'fan' },
    ]);
  });

  it('keeps unmatched A items for a left join', async () => {
    const result = await runNode(mergeNode, {
      params: byAuthor('left'),
      input: { a: mentions, b: profiles },
    });
    expect(result.output.main).toHaveLength(3);
    expect(result.output.main?.[2]).toEqual({ author: { id: 'u9' }, text: 'who?' });
  });

  it('keeps unmatched items of both inputs for an outer join', async () => {
    const result = await runNode(mergeNode, {
      params: byAuthor('outer'),
      input: { a: mentions, b: profiles },
    });
    expect(result.output.main?.map((item) => item.author)).toEqual([
      { id: 'u1' },
      { id: 'u2' },
      { id: 'u9' },
      { id: 'u3' },
    ]);
  });

  it('pairs an A item with every B item of the same key', async () => {
    const result = await runNode(mergeNode, {
      params: { mode: 'byKey', key: 'id' },
      input: {
        a: [{ id: 1 }],
        b: [
          { id: 1, tag: 'x' },
          { id: 1, tag: 'y' },
        ],
      },
    });
    expect(result.output.main).toEqual([
      { id: 1, tag: 'x' },
      { id: 1, tag: 'y' },
    ]);
  });

  it('never pairs items that lack the key', async () => {
    const result = await runNode(mergeNode, {
      params: { mode: 'byKey', key: 'id' },
      input: { a: [{ text: 'a' }], b: [{ text: 'b' }] },
    });
    expect(result.output.main).toEqual([]);
  });

  it('asks for a key when merging by key', async () => {
    await expect(
      runNode(mergeNode, { params: { mode: 'byKey' }, input: { a: [], b: [] } }),
    ).rejects.toMatchObject({
      code: 'NODE_PARAMS_INVALID',
    });
  });

  it('pairs items by position according to the join', async () => {
    const input = { a: [{ x: 1 }, { x: 2 }, { x: 3 }], b: [{ y: 1 }] };
    const inner = await runNode(mergeNode, { params: { mode: 'byPosition' }, input });
    expect(inner.output.main).toEqual([{ x: 1, y: 1 }]);
    const left = await runNode(mergeNode, { params: { mode: 'byPosition', join: 'left' }, input });
    expect(left.output.main).toEqual([{ x: 1, y: 1 }, { x: 2 }, { x: 3 }]);
    const outer = await runNode(mergeNode, {
      params: { mode: 'byPosition', join: 'outer' },
      input: { a: [{ x: 1 }], b: [{ y: 1 }, { y: 2 }] },
    });
    expect(outer.output.main).toEqual([{ x: 1, y: 1 }, { y: 2 }]);
  });

  it('keeps a __proto__ field of a webhook payload as data, not as the merged item’s prototype', async () => {
    const payload = JSON.parse('{"id":1,"__proto__":{"isAdmin":true}}') as Item;
    for (const params of [{ mode: 'byKey', key: 'id' }, { mode: 'byPosition' }]) {
      const result = await runNode(mergeNode, { params, input: { a: [{ id: 1, n: 1 }], b: [payload] } });
      const merged = result.output.main?.[0] as Record<string, unknown>;
      expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
      expect(merged.isAdmin).toBeUndefined();
      expect(JSON.stringify(merged)).toBe('{"id":1,"n":1,"__proto__":{"isAdmin":true}}');
    }
  });
});
