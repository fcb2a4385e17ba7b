import { and, desc, eq, sql } from 'drizzle-orm';
import type { StoreDb } from './database.js';
import { executions, workflows, workflowVersions } from './schema.js';

export interface WorkflowRow {
  id: string;
  workspaceId: string;
  active: boolean;
  createdAt: number;
  updatedAt: number;
  version: number;
  definition: string;
}

const p = sql.placeholder;
// drizzle's update types take no placeholders; wrapped in `sql` they bind as given (no encoding,
// so booleans are passed as 0/1).
const bound = (name: string) => sql`${p(name)}`;

/** Prepared once per store, so reads and saves pay no query building. */
export function createWorkflowStatements(db: StoreDb) {
  const inWorkspace = and(eq(workflows.workspaceId, p('workspaceId')), eq(workflows.id, p('id')));
  const row = {
    id: workflows.id,
    workspaceId: workflows.workspaceId,
    active: workflows.active,
    createdAt: workflows.createdAt,
    updatedAt: workflows.updatedAt,
    version: workflowVersions.version,
    definition: workflowVersions.definition,
  };
  const joinVersion = (version: typeof workflows.currentVersion | ReturnType<typeof p>) =>
    db
      .select(row)
      .from(workflows)
      .innerJoin(
        workflowVersions,
        and(eq(workflowVersions.workflowId, workflows.id), eq(workflowVersions.version, version)),
      );

  // One correlated look-up per workflow, served by executions_workflow_created_idx.
  const lastExecution = db
    .select({
      value: sql<string>`json_object('id', ${executions.id}, 'status', ${executions.status}, 'createdAt', ${executions.createdAt})`,
    })
    .from(executions)
    .where(and(eq(executions.workspaceId, workflows.workspaceId), eq(executions.workflowId, workflows.id)))
    .orderBy(desc(executions.createdAt), desc(executions.id))
    .limit(1);

  return {
    current: joinVersion(workflows.currentVersion).where(inWorkspace).prepare(),
    atVersion: joinVersion(p('version')).where(inWorkspace).prepare(),
    active: joinVersion(workflows.currentVersion).where(eq(workflows.active, true)).prepare(),
    header: db
      .select({ currentVersion: workflows.currentVersion })
      .from(workflows)
      .where(inWorkspace)
      .prepare(),
    list: db
      .select({
        id: workflows.id,
        name: workflows.name,
        version: workflows.currentVersion,
        active: workflows.active,
        createdAt: workflows.createdAt,
        updatedAt: workflows.updatedAt,
        lastExecution: sql<string | null>`(${lastExecution})`,
      })
      .from(workflows)
      .where(eq(workflows.workspaceId, p('workspaceId')))
      .orderBy(desc(workflows.updatedAt), desc(workflows.id))
      .prepare(),
    versions: db
      .select({
        version: workflowVersions.version,
        name: sql<string>`json_extract(${workflowVersions.definition}, '$.name')`,
        createdAt: workflowVersions.createdAt,
      })
      .from(workflowVersions)
      .where(
        and(eq(workflowVersions.workflowId, p('id')), eq(workflowVersions.workspaceId, p('workspaceId'))),
      )
      .orderBy(desc(workflowVersions.version))
      .prepare(),
    insertWorkflow: db
      .insert(workflows)
      .values({
        id: p('id'),
        workspaceId: p('workspaceId'),
        name: p('name'),
        currentVersion: 1,
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .prepare(),
    insertVersion: db
      .insert(workflowVersions)
      .values({
        workflowId: p('id'),
        version: p('version'),
        workspaceId: p('workspaceId'),
        definition: p('definition'),
        createdAt: p('now'),
      })
      .prepare(),
    setCurrent: db
      .update(workflows)
      .set({ name: bound('name'), currentVersion: bound('version'), updatedAt: bound('now') })
      .where(inWorkspace)
      .prepare(),
    setActive: db
      .update(workflows)
      .set({ active: bound('active') })
      .where(inWorkspace)
      .prepare(),
    delete: db.delete(workflows).where(inWorkspace).prepare(),
  };
}
