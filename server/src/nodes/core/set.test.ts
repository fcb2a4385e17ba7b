import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { setNode } from './set.js';

describe('core/set', () => {
  it('adds fields resolved for each item and keeps the others', async () => {
    const input = [
      { id: 1, followers: 5000 },
      { id: 2, followers: 10 },
    ];
    const result = await runNode(setNode, {
      input,
      itemParams: (item) => ({ fields: { influencer: Number(item.followers) > 1000 } }),
    });
    expect(result.output.main).toEqual([
      { id: 1, followers: 5000, influencer: true },
      { id: 2, followers: 10, influencer: false },
    ]);
  });

  it('writes dotted keys as nested fields without touching the input item', async () => {
    const item = { author: { name: 'old', id: 7 } };
    const result = await runNode(setNode, {
      input: [item],
      params: { fields: { 'author.name': 'Li Lei', 'meta.source': 'weibo' } },
    });
    expect(result.output.main).toEqual([{ author: { name: 'Li Lei', id: 7 }, meta: { source: 'weibo' } }]);
    expect(item).toEqual({ author: { name: 'old', id: 7 } });
  });

  it('replaces a non-object on the way with an object', async () => {
    const result = await runNode(setNode, {
      input: [{ author: 'anon' }],
      params: { fields: { 'author.name': 'x' } },
    });
    expect(result.output.main).toEqual([{ author: { name: 'x' } }]);
  });

  it('keeps dots in names when dot notation is off', async () => {
    const result = await runNode(setNode, {
      input: [{}],
      params: { fields: { 'a.b': 1 }, dotNotation: false },
    });
    expect(result.output.main).toEqual([{ 'a.b': 1 }]);
  });

  it('outputs only the set fields when keepOthers is off', async () => {
    const result = await runNode(setNode, {
      input: [{ id: 1, text: 'long' }],
      params: { fields: { id: 1 }, keepOthers: false },
    });
    expect(result.output.main).toEqual([{ id: 1 }]);
  });

  it('refuses field names that would reach the object prototype', async () => {
    await expect(
      runNode(setNode, { input: [{}], params: { fields: { '__proto__.polluted': true } } }),
    ).rejects.toMatchObject({ code: 'NODE_PARAMS_INVALID' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
