import type { DataAggregateRow, DataCapability, DataRecord, JsonObject, NodeDefinition } from '@sbss/sdk';

export interface Seed {
  data: JsonObject;
  /** When the record was stored: what ranges and buckets are measured on. */
  createdAt: string;
}

const bucketMs = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

/**
 * A `ctx.data` over hand-made records with chosen creation times, answering as the server's
 * store does: `since` inclusive, `until` exclusive, `where` by top-level equality, 100 records
 * unless `limit`, buckets in UTC with weeks from Monday. The SDK harness stamps every record
 * with one time, which cannot show a trend.
 */
export function seededData(
  seeds: Record<string, Seed[]>,
): DataCapability & { stored: Map<string, DataRecord[]> } {
  const stored = new Map<string, DataRecord[]>();
  for (const [collection, list] of Object.entries(seeds)) {
    stored.set(
      collection,
      list.map((seed, index) => ({ key: `${collection}-${index + 1}`, ...seed, updatedAt: seed.createdAt })),
    );
  }
  const matching = (collection: string, query: { where?: object; since?: string; until?: string }) =>
    (stored.get(collection) ?? []).filter(
      (record) =>
        Object.entries(query.where ?? {}).every(
          ([field, value]) => JSON.stringify(record.data[field]) === JSON.stringify(value),
        ) &&
        (!query.since || Date.parse(record.createdAt) >= Date.parse(query.since)) &&
        (!query.until || Date.parse(record.createdAt) < Date.parse(query.until)),
    );
  return {
    stored,
    async insert(collection, records) {
      return Promise.all(records.map((record, index) => this.upsert(collection, `new-${index}`, record)));
    },
    async upsert(collection, key, data) {
      const list = stored.get(collection) ?? [];
      const at = new Date().toISOString();
      const previous = list.find((record) => record.key === key);
      const record = { key, data, createdAt: previous?.createdAt ?? at, updatedAt: at };
      stored.set(collection, [...list.filter((entry) => entry.key !== key), record]);
      return record;
    },
    async upsertMany(collection, entries) {
      return (await Promise.all(entries.map(({ key, data }) => this.upsert(collection, key, data)))).length;
    },
    get: async (collection, key) => stored.get(collection)?.find((record) => record.key === key),
    async getMany(collection, keys) {
      const records = stored.get(collection) ?? [];
      return [...new Set(keys)].flatMap((key) => records.filter((record) => record.key === key));
    },
    async query(collection, query = {}) {
      const sorted = matching(collection, query).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      if (query.desc) sorted.reverse();
      return sorted.slice(0, Math.min(query.limit ?? 100, 10_000));
    },
    async removeBefore(collection, before) {
      const list = stored.get(collection) ?? [];
      const kept = list.filter((record) => record.createdAt >= before || record.updatedAt >= before);
      stored.set(collection, kept);
      return list.length - kept.length;
    },
    async aggregate(collection, aggregate = {}) {
      const rows = new Map<string, DataAggregateRow>();
      for (const record of matching(collection, aggregate)) {
        const group = aggregate.groupBy ? (record.data[aggregate.groupBy] ?? null) : undefined;
        const bucket = aggregate.bucket ? bucketStart(record.createdAt, aggregate.bucket) : undefined;
        const key = JSON.stringify([group, bucket]);
        const row = rows.get(key) ?? {
          ...(group === undefined ? {} : { group }),
          ...(bucket ? { bucket } : {}),
          count: 0,
        };
        row.count += 1;
        rows.set(key, row);
      }
      return [...rows.values()].sort((a, b) => String(a.bucket).localeCompare(String(b.bucket)));
    },
  };
}

function bucketStart(iso: string, bucket: keyof typeof bucketMs): string {
  const offset = bucket === 'week' ? 4 * bucketMs.day : 0;
  const time = Date.parse(iso);
  return new Date(Math.floor((time - offset) / bucketMs[bucket]) * bucketMs[bucket] + offset).toISOString();
}

/** The node, run against `data` instead of the harness's own collections. */
export function withData(node: NodeDefinition, data: DataCapability): NodeDefinition {
  return { ...node, run: (ctx) => node.run({ ...ctx, data }) };
}
