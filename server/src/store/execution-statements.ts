import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { StoreDb } from './database.js';
import { summaryColumns } from './execution-list.js';
import { executionSteps, executions, executionTriggers } from './schema.js';

const p = sql.placeholder;
// drizzle's update types take no placeholders; wrapped in `sql` they bind as given.
const bound = (name: string) => sql`${p(name)}`;
const unfinished = ['queued', 'running'] as const;

/** Everything on the execution hot path, prepared once per store. */
export function createExecutionStatements(db: StoreDb) {
  const recordColumns = {
    ...summaryColumns,
    triggerNodeId: executionTriggers.nodeId,
    triggerItems: executionTriggers.items,
    output: executions.output,
  };
  return {
    insert: db
      .insert(executions)
      .values({
        id: p('id'),
        workspaceId: p('workspaceId'),
        workflowId: p('workflowId'),
        version: p('version'),
        status: p('status'),
        mode: p('mode'),
        startedAt: p('startedAt'),
        createdAt: p('createdAt'),
      })
      .prepare(),
    insertTrigger: db
      .insert(executionTriggers)
      .values({
        executionId: p('id'),
        workspaceId: p('workspaceId'),
        nodeId: p('triggerNodeId'),
        items: p('triggerItems'),
      })
      .prepare(),
    // A resumed run keeps the time it first started.
    markRunning: db
      .update(executions)
      .set({ status: 'running', startedAt: sql`coalesce(${executions.startedAt}, ${p('startedAt')})` })
      .where(and(eq(executions.id, p('id')), inArray(executions.status, [...unfinished])))
      .prepare(),
    markResumed: db
      .update(executions)
      .set({ resumes: sql`${executions.resumes} + 1` })
      .where(eq(executions.id, p('id')))
      .prepare(),
    finish: db
      .update(executions)
      .set({
        status: bound('status'),
        output: bound('output'),
        error: bound('error'),
        finishedAt: bound('finishedAt'),
      })
      .where(eq(executions.id, p('id')))
      .prepare(),
    byId: db
      .select(recordColumns)
      .from(executions)
      .innerJoin(executionTriggers, eq(executionTriggers.executionId, executions.id))
      .where(and(eq(executions.id, p('id')), eq(executions.workspaceId, p('workspaceId'))))
      .prepare(),
    triggerItemsOf: db
      .select({ items: executionTriggers.items })
      .from(executionTriggers)
      .where(eq(executionTriggers.executionId, p('id')))
      .prepare(),
    // Matches the partial index executions_unfinished_idx term for term.
    unfinished: db
      .select({ ...recordColumns, resumes: executions.resumes })
      .from(executions)
      .innerJoin(executionTriggers, eq(executionTriggers.executionId, executions.id))
      .where(sql`status in ('queued', 'running')`)
      .orderBy(asc(executions.createdAt), asc(executions.id))
      .prepare(),
    upsertStep: db
      .insert(executionSteps)
      .values({
        executionId: p('executionId'),
        nodeId: p('nodeId'),
        workspaceId: p('workspaceId'),
        status: p('status'),
        attempts: p('attempts'),
        startedAt: p('startedAt'),
        finishedAt: p('finishedAt'),
        input: p('input'),
        output: p('output'),
        error: p('error'),
        logs: p('logs'),
      })
      .onConflictDoUpdate({
        target: [executionSteps.executionId, executionSteps.nodeId],
        set: {
          status: sql`excluded.status`,
          attempts: sql`excluded.attempts`,
          startedAt: sql`excluded.started_at`,
          finishedAt: sql`excluded.finished_at`,
          input: sql`excluded.input`,
          output: sql`excluded.output`,
          error: sql`excluded.error`,
          logs: sql`excluded.logs`,
        },
      })
      .prepare(),
    steps: db
      .select()
      .from(executionSteps)
      .where(eq(executionSteps.executionId, p('executionId')))
      .orderBy(asc(executionSteps.startedAt), asc(executionSteps.nodeId))
      .prepare(),
  };
}

export type ExecutionStatements = ReturnType<typeof createExecutionStatements>;
