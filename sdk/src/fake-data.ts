import type { DataAggregateRow, DataCapability, DataQuery, DataRecord } from './context.js';
import { dataBatchLimit } from './data-limits.js';
import { NodeError } from './errors.js';
import type { JsonObject, JsonValue } from './json.js';

export type Collections = Map<string, Map<string, DataRecord>>;

/** Copies the way data crosses into a node: as JSON. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A `ctx.data` over in-memory collections, filtering as the store does. Every record is stamped
 * with `now`, so ranges and buckets see one moment.
 */
export function memoryData(collections: Collections, now: Date): DataCapability {
  const collection = (name: string) => {
    const records = collections.get(name) ?? new Map<string, DataRecord>();
    collections.set(name, records);
    return records;
  };
  const put = (name: string, key: string, data: JsonObject): DataRecord => {
    const records = collection(name);
    const stamp = now.toISOString();
    const record = {
      key,
      data: cloneJson(data),
      createdAt: records.get(key)?.createdAt ?? stamp,
      updatedAt: stamp,
    };
    records.set(key, record);
    return record;
  };
  return {
    insert: async (name, records) =>
      records.map((data) => put(name, `${name}-${collection(name).size + 1}`, data)),
    upsert: async (name, key, data) => put(name, key, data),
    upsertMany: async (name, entries) =>
      withinLimit(entries).map(({ key, data }) => put(name, key, data)).length,
    get: async (name, key) => collection(name).get(key),
    getMany: async (name, keys) =>
      [...new Set(withinLimit(keys))].flatMap((key) => collection(name).get(key) ?? []),
    async query(name, query = {}) {
      const matches = [...collection(name).values()].filter((record) => matchesQuery(record, query));
      return matches.slice(0, query.limit ?? matches.length);
    },
    async removeBefore(name, before) {
      const records = collection(name);
      const stale = [...records.values()].filter(
        (record) => record.createdAt < before && record.updatedAt < before,
      );
      for (const record of stale) records.delete(record.key);
      return stale.length;
    },
    async aggregate(name, aggregate = {}) {
      const counts = new Map<string, DataAggregateRow>();
      for (const record of collection(name).values()) {
        if (!matchesQuery(record, aggregate)) continue;
        const group = aggregate.groupBy === undefined ? undefined : (record.data[aggregate.groupBy] ?? null);
        const bucket =
          aggregate.bucket === undefined ? undefined : bucketStart(record.createdAt, aggregate.bucket);
        const key = JSON.stringify([group, bucket]);
        const row = counts.get(key) ?? {
          ...(group === undefined ? {} : { group }),
          ...(bucket ? { bucket } : {}),
          count: 0,
        };
        row.count += 1;
        counts.set(key, row);
      }
      return [...counts.values()];
    },
  };
}

export function seedCollections(seed: Record<string, Record<string, JsonObject>>, now: Date): Collections {
  const stamp = now.toISOString();
  return new Map(
    Object.entries(seed).map(([name, records]) => [
      name,
      new Map(
        Object.entries(records).map(([key, data]) => [
          key,
          { key, data: cloneJson(data), createdAt: stamp, updatedAt: stamp },
        ]),
      ),
    ]),
  );
}

/** A deep copy of collections, records with their times, so a later run cannot change an earlier one's. */
export function copyCollections(collections: Collections): Collections {
  return new Map(
    [...collections].map(([name, records]) => [
      name,
      new Map([...records].map(([key, record]) => [key, { ...record, data: cloneJson(record.data) }])),
    ]),
  );
}

function withinLimit<T>(batch: T[]): T[] {
  if (batch.length > dataBatchLimit) {
    throw new NodeError(
      'BAD_REQUEST',
      `At most ${dataBatchLimit} keys or entries a call, not ${batch.length}`,
    );
  }
  return batch;
}

const bucketMs = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

/** Start of the UTC bucket holding `iso`; weeks start on Monday (1970-01-05 was one). */
function bucketStart(iso: string, bucket: keyof typeof bucketMs): string {
  const size = bucketMs[bucket];
  const offset = bucket === 'week' ? 4 * bucketMs.day : 0;
  const time = Date.parse(iso);
  return new Date(Math.floor((time - offset) / size) * size + offset).toISOString();
}

/** The store's filter semantics: exact top-level field values and a creation-time window. */
function matchesQuery(record: DataRecord, query: Pick<DataQuery, 'where' | 'since' | 'until'>): boolean {
  return (
    Object.entries(query.where ?? {}).every(([field, value]) => record.data[field] === value) &&
    (!query.since || record.createdAt >= query.since) &&
    (!query.until || record.createdAt < query.until)
  );
}
