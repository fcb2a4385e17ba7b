import type { DataCapability, DataEntry } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { answerRequest, type GrantedCapabilities } from './host-bridge.js';

const unused = async () => {
  throw new Error('not granted in this test');
};

/** Capabilities whose data calls are recorded and answered from `stored`. */
function granted(stored: Record<string, string>) {
  const calls: unknown[][] = [];
  const record = (key: string, value: string) => ({
    key,
    data: { value },
    createdAt: '2025-03-01T00:00:00.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
  });
  const data: DataCapability = {
    insert: unused,
    upsert: unused,
    get: unused,
    query: unused,
    aggregate: unused,
    async getMany(collection: string, keys: string[]) {
      calls.push(['getMany', collection, keys]);
      return keys.flatMap((key) => (stored[key] === undefined ? [] : [record(key, stored[key])]));
    },
    async upsertMany(collection: string, entries: DataEntry[]) {
      calls.push(['upsertMany', collection, entries]);
      return entries.length;
    },
    async removeBefore(collection: string, before: string) {
      calls.push(['removeBefore', collection, before]);
      return 2;
    },
  };
  const capabilities: GrantedCapabilities = {
    http: { fetch: unused },
    credentials: { get: unused },
    state: { get: unused, set: unused, delete: unused },
    data,
  };
  return { capabilities, calls };
}

const answer = async (capabilities: GrantedCapabilities, op: string, args: unknown[]) =>
  JSON.parse(await answerRequest(capabilities, op, args));

describe('host bridge', () => {
  it('answers data.getMany with the records found among the keys', async () => {
    const { capabilities, calls } = granted({ 'url:a': 'first' });
    const reply = await answer(capabilities, 'data.getMany', ['seen', ['url:a', 'url:b']]);
    expect(reply.ok.map((found: { key: string }) => found.key)).toEqual(['url:a']);
    expect(calls).toEqual([['getMany', 'seen', ['url:a', 'url:b']]]);
  });

  it('answers data.upsertMany with the number of entries written', async () => {
    const { capabilities, calls } = granted({});
    const entries = [{ key: 'url:a', data: { seenAt: '2025-03-01T00:00:00.000Z' } }];
    const reply = await answer(capabilities, 'data.upsertMany', ['seen', entries]);
    expect(reply.ok).toBe(1);
    expect(calls).toEqual([['upsertMany', 'seen', entries]]);
  });

  it('answers data.removeBefore with the number of records removed', async () => {
    const { capabilities, calls } = granted({});
    const reply = await answer(capabilities, 'data.removeBefore', ['seen', '2025-03-01T00:00:00.000Z']);
    expect(reply.ok).toBe(2);
    expect(calls).toEqual([['removeBefore', 'seen', '2025-03-01T00:00:00.000Z']]);
  });

  it.each([
    ['a time that is not ISO 8601', 'data.removeBefore', ['seen', 'yesterday']],
    ['a key that is not a string', 'data.getMany', ['seen', ['url:a', 7]]],
    ['an empty key', 'data.getMany', ['seen', ['']]],
    ['keys that are not a list', 'data.getMany', ['seen', 'url:a']],
    ['too many keys', 'data.getMany', ['seen', Array.from({ length: 10_001 }, (_, at) => `k${at}`)]],
    ['an entry without data', 'data.upsertMany', ['seen', [{ key: 'url:a' }]]],
    ['an entry whose data is not an object', 'data.upsertMany', ['seen', [{ key: 'url:a', data: [1] }]]],
    ['an entry with an unknown field', 'data.upsertMany', ['seen', [{ key: 'a', data: {}, ttl: 5 }]]],
    [
      'too many entries',
      'data.upsertMany',
      ['seen', Array.from({ length: 10_001 }, (_, at) => ({ key: `k${at}`, data: {} }))],
    ],
    ['no collection', 'data.upsertMany', [[{ key: 'a', data: {} }]]],
  ])('refuses %s before calling the capability', async (_case, op, args) => {
    const { capabilities, calls } = granted({});
    const reply = await answer(capabilities, op, args);
    expect(reply.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(`ctx.${op}`) });
    expect(calls).toEqual([]);
  });

  it('says how many keys a call may take', async () => {
    const { capabilities } = granted({});
    const keys = Array.from({ length: 10_001 }, (_, at) => `k${at}`);
    const reply = await answer(capabilities, 'data.getMany', ['seen', keys]);
    expect(reply.error.message).toContain('at most 10000 keys a call');
  });
});
