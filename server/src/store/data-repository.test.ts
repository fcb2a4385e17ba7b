import { dataBatchLimit } from '@sbss/sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('data repository', () => {
  let temp: TempStore;
  let store: Store;

  /** Inserts records as if at the given time, so time filters and buckets are predictable. */
  async function insertAt(iso: string, ...records: Parameters<Store['data']['insert']>[2]) {
    vi.setSystemTime(new Date(iso));
    return store.data.insert('default', 'mentions', records);
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    temp = openTempStore();
    store = temp.store;
  });
  afterEach(() => {
    temp.remove();
    vi.useRealTimers();
  });

  it('inserts records under new keys and reads them back', async () => {
    const [record] = await insertAt('2025-03-01T10:00:00Z', { text: 'love it', score: 0.9 });
    expect(record).toEqual({
      key: expect.any(String),
      data: { text: 'love it', score: 0.9 },
      createdAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    expect(store.data.get('default', 'mentions', record?.key ?? '')).toEqual(record);
    expect(store.data.get('default', 'other', record?.key ?? '')).toBeUndefined();
  });

  it('upserts by key, keeping the first createdAt', async () => {
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    await store.data.upsert('default', 'cases', 'case-1', { status: 'open' });
    vi.setSystemTime(new Date('2025-03-01T12:00:00Z'));
    const updated = await store.data.upsert('default', 'cases', 'case-1', { status: 'closed' });

    expect(updated).toEqual({
      key: 'case-1',
      data: { status: 'closed' },
      createdAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(store.data.get('default', 'cases', 'case-1')).toEqual(updated);
  });

  it('replaces a record only at the version the writer read, when asked to', async () => {
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    const read = await store.data.upsert('default', 'cases', 'case-1', { status: 'open' });
    // A second write within the same millisecond still makes a new version.
    const changed = await store.data.upsert('default', 'cases', 'case-1', { status: 'open', note: 'x' });
    expect(changed.updatedAt).toBe('2025-03-01T10:00:00.001Z');
    await expect(
      store.data.upsert('default', 'cases', 'case-1', { status: 'closed' }, read.updatedAt),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      store.data.upsert('default', 'cases', 'gone', { status: 'closed' }, read.updatedAt),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(store.data.get('default', 'cases', 'case-1')?.data).toEqual({ status: 'open', note: 'x' });
    const closed = await store.data.upsert(
      'default',
      'cases',
      'case-1',
      { status: 'closed' },
      changed.updatedAt,
    );
    expect(store.data.get('default', 'cases', 'case-1')).toEqual(closed);
  });

  it('reads many keys at once: found records in the order asked, each once', async () => {
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    await store.data.upsert('default', 'seen', 'url:a', { n: 1 });
    await store.data.upsert('default', 'seen', 'url:b', { n: 2 });
    await store.data.upsert('default', 'other', 'url:c', { n: 3 });
    await store.workspaces.create({ id: 'rival', name: 'Rival' });
    await store.data.upsert('rival', 'seen', 'url:c', { n: 4 });

    const found = store.data.getMany('default', 'seen', ['url:b', 'url:c', 'url:a', 'url:b', 'missing']);
    expect(found.map((record) => record.data.n)).toEqual([2, 1]);
    expect(found[0]).toEqual(store.data.get('default', 'seen', 'url:b'));
    expect(store.data.getMany('default', 'seen', [])).toEqual([]);
  });

  it('upserts many records in one write, replaced ones keeping their createdAt', async () => {
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    await store.data.upsert('default', 'seen', 'url:a', { n: 1 });
    vi.setSystemTime(new Date('2025-03-01T12:00:00Z'));
    const before = store.writeQueue.stats();
    const written = await store.data.upsertMany('default', 'seen', [
      { key: 'url:a', data: { n: 10 } },
      { key: 'url:b', data: { n: 20 } },
    ]);
    const after = store.writeQueue.stats();

    expect(after.operations - before.operations).toBe(1);
    expect(written).toBe(2);
    expect(store.data.getMany('default', 'seen', ['url:a', 'url:b'])).toEqual([
      {
        key: 'url:a',
        data: { n: 10 },
        createdAt: '2025-03-01T10:00:00.000Z',
        updatedAt: '2025-03-01T12:00:00.000Z',
      },
      {
        key: 'url:b',
        data: { n: 20 },
        createdAt: '2025-03-01T12:00:00.000Z',
        updatedAt: '2025-03-01T12:00:00.000Z',
      },
    ]);
  });

  it('keeps the last of several entries for one key', async () => {
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    await store.data.upsertMany('default', 'seen', [
      { key: 'url:a', data: { n: 1 } },
      { key: 'url:a', data: { n: 2, text: 'Ümlaut "quoted" \\ 雪' } },
    ]);
    expect(store.data.getMany('default', 'seen', ['url:a'])).toEqual([
      {
        key: 'url:a',
        data: { n: 2, text: 'Ümlaut "quoted" \\ 雪' },
        createdAt: '2025-03-01T10:00:00.000Z',
        // The second entry replaced the first: a write moves updatedAt on by at least 1 ms.
        updatedAt: '2025-03-01T10:00:00.001Z',
      },
    ]);
  });

  it('stores each record of a batch as the JSON of its data', async () => {
    const data = {
      text: 'Ümlaut "quoted" \\ 雪 \u2028',
      n: 1.5e-7,
      big: 1e21,
      neg: -3,
      list: [null, true, {}],
    };
    await store.data.upsertMany('default', 'seen', [{ key: 'k', data }]);
    expect(store.data.get('default', 'seen', 'k')?.data).toEqual(data);
    const stored = temp.raw((db) =>
      db.prepare("select data from data_records where key = 'k'").pluck().get(),
    );
    expect(JSON.parse(stored as string)).toEqual(data);
  });

  it('refuses batches over the limit with a clear error', async () => {
    const keys = Array.from({ length: dataBatchLimit + 1 }, (_, index) => `k${index}`);
    expect(() => store.data.getMany('default', 'seen', keys)).toThrow(
      expect.objectContaining({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('at most 10000 keys'),
      }),
    );
    expect(store.data.getMany('default', 'seen', keys.slice(1))).toEqual([]);
    const entries = keys.map((key) => ({ key, data: {} }));
    await expect(store.data.upsertMany('default', 'seen', entries)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(store.data.query('default', 'seen')).toEqual([]);
  });

  it('queries by type-exact equality on top-level fields', async () => {
    await insertAt(
      '2025-03-01T10:00:00Z',
      { brand: 'acme', urgent: true, followers: 10, tags: ['a', 'b'] },
      { brand: 'acme', urgent: false, followers: 5000 },
      { brand: 'Ümlaut "quoted"', urgent: null, followers: '10' },
    );
    const brands = (where: Parameters<Store['data']['query']>[2]) =>
      store.data.query('default', 'mentions', where).map((record) => record.data.followers);

    expect(brands({ where: { brand: 'acme', urgent: true } })).toEqual([10]);
    expect(brands({ where: { followers: 10 } })).toEqual([10]);
    expect(brands({ where: { followers: '10' } })).toEqual(['10']);
    expect(brands({ where: { urgent: null } })).toEqual(['10']);
    expect(brands({ where: { brand: 'Ümlaut "quoted"' } })).toEqual(['10']);
    expect(brands({ where: { tags: ['a', 'b'] } })).toEqual([10]);
    expect(brands({ where: { missing: 'x' } })).toEqual([]);
  });

  it('filters by time, orders and limits', async () => {
    await insertAt('2025-03-01T00:00:00Z', { n: 1, score: 30 });
    await insertAt('2025-03-02T00:00:00Z', { n: 2, score: 10 });
    await insertAt('2025-03-03T00:00:00Z', { n: 3, score: 20 });
    const ns = (query: Parameters<Store['data']['query']>[2]) =>
      store.data.query('default', 'mentions', query).map((record) => record.data.n);

    expect(ns({})).toEqual([1, 2, 3]);
    expect(ns({ desc: true, limit: 2 })).toEqual([3, 2]);
    expect(ns({ since: '2025-03-02T00:00:00Z' })).toEqual([2, 3]);
    expect(ns({ until: '2025-03-02T00:00:00Z' })).toEqual([1]);
    expect(ns({ orderBy: 'score' })).toEqual([2, 3, 1]);
    expect(ns({ orderBy: 'score', desc: true, limit: 1 })).toEqual([1]);
  });

  it('rejects field names that are not plain identifiers', () => {
    expect(() => store.data.query('default', 'mentions', { where: { 'a") or 1=1 --': 1 } })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
    expect(() => store.data.query('default', 'mentions', { orderBy: 'a.b' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });

  it('counts by field and by hour, day or ISO week', async () => {
    await insertAt('2025-03-02T23:30:00Z', { sentiment: 'negative' }); // a Sunday
    await insertAt('2025-03-03T00:10:00Z', { sentiment: 'negative' }, { sentiment: 'positive' }); // Monday
    await insertAt('2025-03-03T01:20:00Z', { sentiment: 'neutral' }, {});

    expect(store.data.aggregate('default', 'mentions', { groupBy: 'sentiment' })).toEqual([
      { group: 'negative', count: 2 },
      { group: null, count: 1 },
      { group: 'neutral', count: 1 },
      { group: 'positive', count: 1 },
    ]);
    expect(store.data.aggregate('default', 'mentions', { bucket: 'hour' })).toEqual([
      { bucket: '2025-03-02T23:00:00.000Z', count: 1 },
      { bucket: '2025-03-03T00:00:00.000Z', count: 2 },
      { bucket: '2025-03-03T01:00:00.000Z', count: 2 },
    ]);
    expect(
      store.data.aggregate('default', 'mentions', { bucket: 'day', where: { sentiment: 'negative' } }),
    ).toEqual([
      { bucket: '2025-03-02T00:00:00.000Z', count: 1 },
      { bucket: '2025-03-03T00:00:00.000Z', count: 1 },
    ]);
    expect(store.data.aggregate('default', 'mentions', { bucket: 'week' })).toEqual([
      { bucket: '2025-02-24T00:00:00.000Z', count: 1 },
      { bucket: '2025-03-03T00:00:00.000Z', count: 4 },
    ]);
    expect(
      store.data.aggregate('default', 'mentions', {
        groupBy: 'sentiment',
        bucket: 'day',
        since: '2025-03-03T00:00:00Z',
        until: '2025-03-03T01:00:00Z',
      }),
    ).toEqual([
      { group: 'negative', bucket: '2025-03-03T00:00:00.000Z', count: 1 },
      { group: 'positive', bucket: '2025-03-03T00:00:00.000Z', count: 1 },
    ]);
  });

  it('deletes a record by key', async () => {
    const [record] = await insertAt('2025-03-01T00:00:00Z', { n: 1 });
    await expect(store.data.delete('default', 'mentions', record?.key ?? '')).resolves.toBe(true);
    await expect(store.data.delete('default', 'mentions', record?.key ?? '')).resolves.toBe(false);
    expect(store.data.query('default', 'mentions')).toEqual([]);
  });

  it('removes the records neither created nor replaced since a time, in that collection only', async () => {
    const at = (iso: string) => vi.setSystemTime(new Date(iso));
    at('2025-03-01T00:00:00Z');
    await store.data.upsertMany('default', 'seen', [
      { key: 'old', data: { n: 1 } },
      { key: 'refreshed', data: { n: 2 } },
    ]);
    await store.data.upsert('default', 'other', 'old', { n: 3 });
    at('2025-03-05T00:00:00Z');
    await store.data.upsert('default', 'seen', 'refreshed', { n: 4 });
    await store.data.upsert('default', 'seen', 'new', { n: 5 });
    await expect(store.data.removeBefore('default', 'seen', '2025-03-04T00:00:00Z')).resolves.toBe(1);
    expect(
      store.data.getMany('default', 'seen', ['old', 'refreshed', 'new']).map((record) => record.key),
    ).toEqual(['refreshed', 'new']);
    expect(store.data.get('default', 'other', 'old')).toBeDefined();
    await expect(store.data.removeBefore('default', 'seen', 'yesterday')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
