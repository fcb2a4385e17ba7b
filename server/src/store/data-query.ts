import type { DataQuery } from '@sbss/sdk';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { SbssError } from '../engine/errors.js';
import type { StoreDb } from './database.js';
import { toJson, toMs } from './row-codec.js';
import { dataRecords } from './schema.js';

const p = sql.placeholder;
const fieldPattern = /^[\w-]{1,128}$/;
const maxWhere = 20;
export const maxLimit = 10_000;

/** The JSON path of a top-level field; names are restricted so the path needs no escaping. */
export function fieldPath(field: string): string {
  if (!fieldPattern.test(field)) {
    throw new SbssError('BAD_REQUEST', `"${field}" is not a field name (letters, digits, "_" and "-")`);
  }
  return `$."${field}"`;
}

/**
 * `data -> path` is the field's JSON text, so comparing it with the value's JSON text is a
 * type-exact equality (the string "1" never matches the number 1) for every JSON value.
 */
export function whereFilter(index: number): SQL {
  return sql`${dataRecords.data} -> ${p(`path${index}`)} = ${p(`value${index}`)}`;
}

export function whereParams(where: Record<string, unknown>, params: Record<string, unknown>): void {
  const entries = Object.entries(where);
  if (entries.length > maxWhere) throw new SbssError('BAD_REQUEST', `At most ${maxWhere} where fields`);
  entries.forEach(([field, value], index) => {
    params[`path${index}`] = fieldPath(field);
    params[`value${index}`] = toJson(value);
  });
}

type Order = 'createdAt' | 'updatedAt' | 'key' | 'field';

function orderOf(orderBy: string | undefined): Order {
  if (orderBy === undefined || orderBy === 'createdAt') return 'createdAt';
  if (orderBy === 'updatedAt' || orderBy === 'key') return orderBy;
  return 'field';
}

function buildQuery(
  db: StoreDb,
  shape: { where: number; since: boolean; until: boolean; order: Order; desc: boolean },
) {
  const filters: SQL[] = [
    eq(dataRecords.workspaceId, p('workspaceId')),
    eq(dataRecords.collection, p('collection')),
  ];
  if (shape.since) filters.push(gte(dataRecords.createdAt, p('since')));
  if (shape.until) filters.push(lt(dataRecords.createdAt, p('until')));
  for (let index = 0; index < shape.where; index += 1) {
    filters.push(whereFilter(index));
  }
  const direction = shape.desc ? desc : asc;
  const column =
    shape.order === 'field'
      ? sql`${dataRecords.data} ->> ${p('orderPath')}`
      : { createdAt: dataRecords.createdAt, updatedAt: dataRecords.updatedAt, key: dataRecords.key }[
          shape.order
        ];
  return db
    .select()
    .from(dataRecords)
    .where(and(...filters))
    .orderBy(direction(column), direction(dataRecords.key))
    .limit(p('limit'))
    .prepare();
}

type PreparedQuery = ReturnType<typeof buildQuery>;

/**
 * Data queries, prepared once per shape (which filters, which order) with every value bound:
 * a node asks the same shaped question for each batch, so the statement is reused.
 */
export function createDataQueries(db: StoreDb) {
  const cache = new Map<string, PreparedQuery>();
  return (workspaceId: string, collection: string, query: DataQuery) => {
    const params: Record<string, unknown> = { workspaceId, collection };
    whereParams(query.where ?? {}, params);
    const shape = {
      where: Object.keys(query.where ?? {}).length,
      since: query.since !== undefined,
      until: query.until !== undefined,
      order: orderOf(query.orderBy),
      desc: query.desc === true,
    };
    const key = JSON.stringify(shape);
    let prepared = cache.get(key);
    if (!prepared) {
      prepared = buildQuery(db, shape);
      cache.set(key, prepared);
    }
    params.limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), maxLimit);
    if (query.since !== undefined) params.since = toMs(query.since);
    if (query.until !== undefined) params.until = toMs(query.until);
    if (shape.order === 'field') params.orderPath = fieldPath(query.orderBy ?? '');
    return prepared.all(params);
  };
}
