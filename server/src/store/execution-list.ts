import { and, desc, eq, type SQL, sql, sum } from 'drizzle-orm';
import { SbssError } from '../engine/errors.js';
import type { StoreDb } from './database.js';
import type { ExecutionListQuery } from './execution-types.js';
import { executionCounts, executions } from './schema.js';

const p = sql.placeholder;

export const summaryColumns = {
  id: executions.id,
  workspaceId: executions.workspaceId,
  workflowId: executions.workflowId,
  version: executions.version,
  status: executions.status,
  mode: executions.mode,
  error: executions.error,
  startedAt: executions.startedAt,
  finishedAt: executions.finishedAt,
  createdAt: executions.createdAt,
};

export interface ListShape {
  workflow: boolean;
  status: boolean;
  cursor: boolean;
}

/**
 * The filter combinations of the execution list, each built and prepared on first use. Every
 * combination has an index whose leading columns are its equality filters followed by
 * (created_at, id), so a page is a short index walk. The total adds up the matching rows of
 * execution_counts: at most five per workflow, however many executions there are.
 */
export function listQueries(db: StoreDb, shape: ListShape) {
  const filters: SQL[] = [eq(executions.workspaceId, p('workspaceId'))];
  const countFilters: SQL[] = [eq(executionCounts.workspaceId, p('workspaceId'))];
  if (shape.workflow) {
    filters.push(eq(executions.workflowId, p('workflowId')));
    countFilters.push(eq(executionCounts.workflowId, p('workflowId')));
  }
  if (shape.status) {
    filters.push(eq(executions.status, p('status')));
    countFilters.push(eq(executionCounts.status, p('status')));
  }
  const where = and(...filters);
  // A row-value comparison is one range on the index, where an OR of two terms is not.
  const after = sql`(${executions.createdAt}, ${executions.id}) < (${p('cursorAt')}, ${p('cursorId')})`;
  return {
    page: db
      .select(summaryColumns)
      .from(executions)
      .where(shape.cursor ? and(where, after) : where)
      .orderBy(desc(executions.createdAt), desc(executions.id))
      .limit(p('limit')),
    // sum() is null over no rows and comes back as text (it could exceed a JS number in general).
    count: db
      .select({ total: sum(executionCounts.count) })
      .from(executionCounts)
      .where(and(...countFilters)),
  };
}

type ListQueries = ReturnType<typeof listQueries>;

interface PreparedList {
  page: ReturnType<ListQueries['page']['prepare']>;
  count: ReturnType<ListQueries['count']['prepare']>;
}

/** Returns the prepared statements for a query's filter combination. */
export function createListStatements(db: StoreDb): (query: ExecutionListQuery) => PreparedList {
  const cache = new Map<string, PreparedList>();
  return (query) => {
    const shape = {
      workflow: query.workflowId !== undefined,
      status: query.status !== undefined,
      cursor: query.cursor !== undefined,
    };
    const key = `${shape.workflow}:${shape.status}:${shape.cursor}`;
    let prepared = cache.get(key);
    if (!prepared) {
      const queries = listQueries(db, shape);
      prepared = { page: queries.page.prepare(), count: queries.count.prepare() };
      cache.set(key, prepared);
    }
    return prepared;
  };
}

export function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { cursorAt: number; cursorId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { cursorAt: value[0], cursorId: value[1] };
    }
  } catch {
    // Falls through to the error below: a cursor is opaque, so any damage is the same mistake.
  }
  throw new SbssError('BAD_REQUEST', 'The cursor is not one this server handed out');
}
