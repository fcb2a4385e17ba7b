import { type DataEntry, type DataQuery, type DataRecord, dataBatchLimit, type JsonObject } from '@sbss/sdk';
import { and, eq, lt, sql } from 'drizzle-orm';
import { SbssError } from '../engine/errors.js';
import { aggregateData, type DataAggregateQuery, type DataAggregateRow } from './data-aggregate.js';
import { createDataBatchStatements, nextUpdatedAt } from './data-batch-statements.js';
import { createDataQueries } from './data-query.js';
import type { StoreDb } from './database.js';
import { fromJson, toIso, toJson } from './row-codec.js';
import { dataRecords } from './schema.js';
import { uuidv7 } from './uuidv7.js';
import type { WriteQueue } from './write-queue.js';

/** Workspace collections (mentions, cases, ...): what `ctx.data` reads and writes. */
export interface DataRepository {
  /** Stores each record under a new key. */
  insert(workspaceId: string, collection: string, records: JsonObject[]): Promise<DataRecord[]>;
  /**
   * Creates or replaces the record at `key`; a replaced record keeps its `createdAt`. With
   * `ifUpdatedAt`, only replaces the record whose `updatedAt` is still that (CONFLICT otherwise,
   * and for a record that is gone): every write moves `updatedAt` on by at least a millisecond, so
   * it names one version of the record.
   */
  upsert(
    workspaceId: string,
    collection: string,
    key: string,
    record: JsonObject,
    ifUpdatedAt?: string,
  ): Promise<DataRecord>;
  /**
   * `upsert` of each entry in one statement, so all are stored or none; at most `dataBatchLimit`.
   * Resolves to the number of entries written.
   */
  upsertMany(workspaceId: string, collection: string, entries: DataEntry[]): Promise<number>;
  get(workspaceId: string, collection: string, key: string): DataRecord | undefined;
  /** The records at `keys`, in the order of `keys` and each once; at most `dataBatchLimit` keys. */
  getMany(workspaceId: string, collection: string, keys: string[]): DataRecord[];
  /** `since` is inclusive and `until` exclusive, both on `createdAt`; 100 records unless `limit`. */
  query(workspaceId: string, collection: string, query?: DataQuery): DataRecord[];
  aggregate(workspaceId: string, collection: string, query?: DataAggregateQuery): DataAggregateRow[];
  delete(workspaceId: string, collection: string, key: string): Promise<boolean>;
  /**
   * Deletes the collection's records neither created nor replaced since `before` (ISO 8601), by
   * the creation-time index; resolves to how many.
   */
  removeBefore(workspaceId: string, collection: string, before: string): Promise<number>;
}

const p = sql.placeholder;
// For writes of a single statement: no savepoint needed (see WriteQueue).
const single = { savepoint: false };

export function createDataRepository(db: StoreDb, queue: WriteQueue): DataRepository {
  const byKey = and(
    eq(dataRecords.workspaceId, p('workspaceId')),
    eq(dataRecords.collection, p('collection')),
    eq(dataRecords.key, p('key')),
  );
  const select = db.select().from(dataRecords).where(byKey).prepare();
  const batches = createDataBatchStatements(db);
  const remove = db.delete(dataRecords).where(byKey).prepare();
  const removeStale = db
    .delete(dataRecords)
    .where(
      and(
        eq(dataRecords.workspaceId, p('workspaceId')),
        eq(dataRecords.collection, p('collection')),
        lt(dataRecords.createdAt, p('before')),
        lt(dataRecords.updatedAt, p('before')),
      ),
    )
    .prepare();
  const insert = db
    .insert(dataRecords)
    .values({
      workspaceId: p('workspaceId'),
      collection: p('collection'),
      key: p('key'),
      data: p('data'),
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .prepare();
  const upsert = db
    .insert(dataRecords)
    .values({
      workspaceId: p('workspaceId'),
      collection: p('collection'),
      key: p('key'),
      data: p('data'),
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .onConflictDoUpdate({
      target: [dataRecords.workspaceId, dataRecords.collection, dataRecords.key],
      set: { data: sql`excluded.data`, updatedAt: nextUpdatedAt },
    })
    .returning({ createdAt: dataRecords.createdAt, updatedAt: dataRecords.updatedAt })
    .prepare();
  const query = createDataQueries(db);

  return {
    async insert(workspaceId, collection, records) {
      const rows = records.map((record) => ({ key: uuidv7(), record, data: toJson(record) }));
      return queue.enqueue(() => {
        const now = Date.now();
        for (const { key, data } of rows) insert.run({ workspaceId, collection, key, data, now });
        const at = toIso(now);
        return rows.map(({ key, record }) => ({ key, data: record, createdAt: at, updatedAt: at }));
      });
    },

    async upsert(workspaceId, collection, key, record, ifUpdatedAt) {
      const data = toJson(record);
      return queue.enqueue(() => {
        if (ifUpdatedAt !== undefined) {
          const current = select.get({ workspaceId, collection, key });
          if (!current || toIso(current.updatedAt) !== ifUpdatedAt) {
            throw new SbssError(
              'CONFLICT',
              current
                ? `Record ${key} in ${collection} changed since it was read (now ${toIso(current.updatedAt)})`
                : `Record ${key} in ${collection} is gone`,
            );
          }
        }
        const now = Date.now();
        const stored = upsert.get({ workspaceId, collection, key, data, now });
        return {
          key,
          data: record,
          createdAt: toIso(stored?.createdAt ?? now),
          updatedAt: toIso(stored?.updatedAt ?? now),
        };
      }, single);
    },

    async upsertMany(workspaceId, collection, entries) {
      checkBatch(entries.length, 'entries', 'upsertMany');
      const rows = toJson(entries.map(({ key, data }) => [key, toJson(data)]));
      return queue.enqueue(
        () => batches.upsertMany.run({ workspaceId, collection, entries: rows, now: Date.now() }).changes,
        single,
      );
    },

    get(workspaceId, collection, key) {
      const row = select.get({ workspaceId, collection, key });
      return row ? toRecord(row) : undefined;
    },

    getMany(workspaceId, collection, keys) {
      checkBatch(keys.length, 'keys', 'getMany');
      const rows = batches.selectMany.all({ workspaceId, collection, keys: toJson(keys) });
      const found = new Map(rows.map((row) => [row.key, row]));
      return [...new Set(keys)].flatMap((key) => {
        const row = found.get(key);
        return row ? [toRecord(row)] : [];
      });
    },

    query: (workspaceId, collection, dataQuery = {}) =>
      query(workspaceId, collection, dataQuery).map(toRecord),

    aggregate: (workspaceId, collection, aggregateQuery = {}) =>
      aggregateData(db, workspaceId, collection, aggregateQuery),

    async delete(workspaceId, collection, key) {
      return queue.enqueue(() => remove.run({ workspaceId, collection, key }).changes > 0, single);
    },

    async removeBefore(workspaceId, collection, before) {
      const time = Date.parse(before);
      if (Number.isNaN(time))
        throw new SbssError('BAD_REQUEST', `removeBefore takes an ISO 8601 time, not "${before}"`);
      return queue.enqueue(() => removeStale.run({ workspaceId, collection, before: time }).changes, single);
    },
  };
}

function checkBatch(size: number, what: string, operation: string): void {
  if (size > dataBatchLimit) {
    throw new SbssError(
      'BAD_REQUEST',
      `${operation} takes at most ${dataBatchLimit} ${what} a call, not ${size}: split them into batches`,
    );
  }
}

function toRecord(row: typeof dataRecords.$inferSelect): DataRecord {
  return {
    key: row.key,
    data: fromJson<JsonObject>(row.data),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}
