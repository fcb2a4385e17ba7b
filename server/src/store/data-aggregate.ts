import type { JsonValue } from '@sbss/sdk';
import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { fieldPath, whereFilter, whereParams } from './data-query.js';
import type { StoreDb } from './database.js';
import { toIso, toMs } from './row-codec.js';
import { dataRecords } from './schema.js';

export interface DataAggregateQuery {
  /** A top-level field: one row per distinct value (missing counts as null). */
  groupBy?: string;
  /** UTC buckets of `createdAt`; weeks start on Monday (ISO 8601). */
  bucket?: 'hour' | 'day' | 'week';
  since?: string;
  until?: string;
  where?: Record<string, JsonValue>;
}

export interface DataAggregateRow {
  group?: JsonValue;
  /** Start of the bucket. */
  bucket?: string;
  count: number;
}

const hour = 3_600_000;
const day = 24 * hour;
// 1970-01-01 was a Thursday; shifting by four days makes week buckets start on Mondays.
const buckets = { hour: [hour, 0], day: [day, 0], week: [7 * day, 4 * day] } as const;

const p = sql.placeholder;

/** Counts of a collection's records, by field value and/or time bucket, oldest bucket first. */
export function aggregateData(
  db: StoreDb,
  workspaceId: string,
  collection: string,
  query: DataAggregateQuery,
): DataAggregateRow[] {
  const params: Record<string, unknown> = { workspaceId, collection };
  whereParams(query.where ?? {}, params);
  const filters: SQL[] = [
    eq(dataRecords.workspaceId, p('workspaceId')),
    eq(dataRecords.collection, p('collection')),
  ];
  for (const index of Object.keys(query.where ?? {}).keys()) filters.push(whereFilter(index));
  if (query.since !== undefined) filters.push(gte(dataRecords.createdAt, toMs(query.since)));
  if (query.until !== undefined) filters.push(lt(dataRecords.createdAt, toMs(query.until)));

  const groupValue =
    query.groupBy === undefined
      ? undefined
      : sql<string | null>`${dataRecords.data} -> ${fieldPath(query.groupBy)}`;
  const [size, offset] = query.bucket === undefined ? [] : buckets[query.bucket];
  // Inlined rather than bound: better-sqlite3 binds numbers as REAL, which would turn the
  // integer division that floors to the bucket into a plain one. They come from `buckets` only.
  const bucketStart =
    size === undefined
      ? undefined
      : sql<number>`(${dataRecords.createdAt} - ${sql.raw(String(offset))}) / ${sql.raw(String(size))} * ${sql.raw(String(size))} + ${sql.raw(String(offset))}`;

  const rows = db
    .select({
      count: count(),
      group: (groupValue ?? sql<null>`null`).as('group_value'),
      bucket: (bucketStart ?? sql<null>`null`).as('bucket_start'),
    })
    .from(dataRecords)
    .where(and(...filters))
    .groupBy(sql`group_value`, sql`bucket_start`)
    .orderBy(asc(sql`bucket_start`), desc(count()), asc(sql`group_value`))
    .prepare()
    .all(params);

  return rows.map((row) => {
    const result: DataAggregateRow = { count: row.count };
    if (groupValue) result.group = row.group === null ? null : (JSON.parse(row.group) as JsonValue);
    if (bucketStart && row.bucket !== null) result.bucket = toIso(row.bucket);
    return result;
  });
}
