import type { Item } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { sortNode } from './sort.js';

const ids = (items: { id?: unknown }[] | undefined) => items?.map((item) => item.id);

describe('core/sort', () => {
  it('sorts numbers numerically, descending when asked', async () => {
    const result = await runNode(sortNode, {
      params: { fields: [{ field: 'author.followers', order: 'desc' }] },
      input: [
        { id: 'a', author: { followers: 9 } },
        { id: 'b', author: { followers: 100 } },
        { id: 'c', author: { followers: 20 } },
      ],
    });
    expect(ids(result.output.main)).toEqual(['b', 'c', 'a']);
  });

  it('keeps the input order of equal items', async () => {
    const result = await runNode(sortNode, {
      params: { fields: [{ field: 'rank' }] },
      input: [
        { id: 1, rank: 2 },
        { id: 2, rank: 1 },
        { id: 3, rank: 2 },
        { id: 4, rank: 1 },
      ],
    });
    expect(ids(result.output.main)).toEqual([2, 4, 1, 3]);
  });

  it('breaks ties with the next field', async () => {
    const result = await runNode(sortNode, {
      params: { fields: [{ field: 'team' }, { field: 'score', order: 'desc' }] },
      input: [
        { id: 1, team: 'b', score: 1 },
        { id: 2, team: 'a', score: 1 },
        { id: 3, team: 'a', score: 5 },
      ],
    });
    expect(ids(result.output.main)).toEqual([3, 2, 1]);
  });

  it('compares ISO dates by time, whatever their offsets', async () => {
    const result = await runNode(sortNode, {
      params: { fields: [{ field: 'at' }] },
      input: [
        { id: 1, at: '2024-05-01T09:00:00+08:00' },
        { id: 2, at: '2024-05-01T01:30:00Z' },
        { id: 3, at: '2024-04-30' },
      ],
    });
    expect(ids(result.output.main)).toEqual([3, 1, 2]);
  });

  it('compares text with numbers inside naturally', async () => {
    const result = await runNode(sortNode, {
      params: { fields: [{ field: 'name' }] },
      input: [
        { id: 1, name: 'case 10' },
        { id: 2, name: 'case 9' },
        { id: 3, name: 'Case 1' },
      ],
    });
    expect(ids(result.output.main)).toEqual([3, 2, 1]);
  });

  it('puts missing values last in either order', async () => {
    const input: Item[] = [{ id: 1 }, { id: 2, n: 1 }, { id: 3, n: null }, { id: 4, n: 2 }];
    const asc = await runNode(sortNode, { params: { fields: [{ field: 'n' }] }, input });
    expect(ids(asc.output.main)).toEqual([2, 4, 1, 3]);
    const desc = await runNode(sortNode, { params: { fields: [{ field: 'n', order: 'desc' }] }, input });
    expect(ids(desc.output.main)).toEqual([4, 2, 1, 3]);
  });
});
