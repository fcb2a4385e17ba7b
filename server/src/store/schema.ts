import { sql } from 'drizzle-orm';
import {
  blob,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/*
 * The single source of truth for tables; migrations in `server/drizzle/` are generated from it
 * (`npx drizzle-kit generate`). Times are integer milliseconds since the epoch: smaller indexes
 * and plain arithmetic for time buckets; repositories turn them into ISO strings. JSON columns
 * hold text written and read by the repositories.
 *
 * Child tables point at workflows through (workspace_id, workflow_id), so a row can never sit in
 * another workspace than its workflow, and the foreign key is served by the index that scopes
 * every query anyway.
 */

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const workflows = sqliteTable(
  'workflows',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(false),
    currentVersion: integer('current_version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  // The parent key of the (workspace_id, workflow_id) references below; also lists a workspace.
  (t) => [uniqueIndex('workflows_workspace_id_idx').on(t.workspaceId, t.id)],
);

export const workflowVersions = sqliteTable(
  'workflow_versions',
  {
    workflowId: text('workflow_id').notNull(),
    version: integer('version').notNull(),
    workspaceId: text('workspace_id').notNull(),
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workflowId, t.version] }),
    foreignKey({ columns: [t.workflowId], foreignColumns: [workflows.id] }).onDelete('cascade'),
  ],
);

const executionStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export const executions = sqliteTable(
  'executions',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: executionStatuses }).notNull(),
    mode: text('mode').notNull(),
    output: text('output'),
    error: text('error'),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    createdAt: integer('created_at').notNull(),
    /** Times it was run again after the server stopped while it was running. */
    resumes: integer('resumes').notNull().default(0),
  },
  (t) => [
    foreignKey({
      columns: [t.workspaceId, t.workflowId],
      foreignColumns: [workflows.workspaceId, workflows.id],
    }).onDelete('cascade'),
    // Keyset pagination walks these backwards; (created_at, id) makes the order total.
    index('executions_workspace_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('executions_workflow_created_idx').on(t.workspaceId, t.workflowId, t.createdAt, t.id),
    index('executions_status_created_idx').on(t.workspaceId, t.status, t.createdAt, t.id),
    // Without it a workflow + status filter walks one of the two above and reads every row to
    // test the other column: a whole workflow's history to find its few failed runs.
    index('executions_workflow_status_created_idx').on(
      t.workspaceId,
      t.workflowId,
      t.status,
      t.createdAt,
      t.id,
    ),
    // Boot looks for unfinished runs across workspaces; a partial index keeps that lookup tiny.
    index('executions_unfinished_idx').on(t.createdAt, t.id).where(sql`status in ('queued', 'running')`),
  ],
);

/*
 * What an execution was started with, in a row of its own. The execution's row changes as it
 * runs (queued, running, finished), and SQLite writes a row whole, overflow pages and all, on an
 * update that changes its size: with the items in it, each of those updates wrote them again.
 * `items` is the items' JSON as the server already holds it, bound without being copied into a
 * larger string first.
 */
export const executionTriggers = sqliteTable('execution_triggers', {
  executionId: text('execution_id')
    .primaryKey()
    .references(() => executions.id, { onDelete: 'cascade' }),
  workspaceId: text('workspace_id').notNull(),
  nodeId: text('node_id').notNull(),
  items: text('items').notNull(),
});

/*
 * How many executions each (workflow, status) has, so the list's exact `total` is a sum over a
 * few rows instead of a count over up to every index entry of a workspace. SQLite triggers keep
 * it exact on insert, status change and delete, cascades included (migration
 * 0002_execution_count_triggers.sql, which also backfills it); nothing else writes it.
 */
export const executionCounts = sqliteTable(
  'execution_counts',
  {
    workspaceId: text('workspace_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    status: text('status', { enum: executionStatuses }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.workflowId, t.status] }),
    foreignKey({
      columns: [t.workspaceId, t.workflowId],
      foreignColumns: [workflows.workspaceId, workflows.id],
    }).onDelete('cascade'),
  ],
);

export const executionSteps = sqliteTable(
  'execution_steps',
  {
    executionId: text('execution_id').notNull(),
    nodeId: text('node_id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed', 'skipped'] }).notNull(),
    attempts: integer('attempts').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    input: text('input').notNull(),
    output: text('output'),
    error: text('error'),
    logs: text('logs').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.executionId, t.nodeId] }),
    foreignKey({ columns: [t.executionId], foreignColumns: [executions.id] }).onDelete('cascade'),
  ],
);

export const credentials = sqliteTable(
  'credentials',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    type: text('type').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    iv: blob('iv', { mode: 'buffer' }).notNull(),
    tag: blob('tag', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('credentials_workspace_name_idx').on(t.workspaceId, t.name)],
);

/** Workspace variables, read by expressions and Code nodes as `$vars.<key>`; values are JSON. */
export const workspaceVariables = sqliteTable(
  'workspace_variables',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

export const webhooks = sqliteTable(
  'webhooks',
  {
    method: text('method').notNull(),
    path: text('path').notNull(),
    workspaceId: text('workspace_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    nodeId: text('node_id').notNull(),
  },
  (t) => [
    // The URL space /hooks/<path> is shared by all workspaces, so the key is global.
    primaryKey({ columns: [t.method, t.path] }),
    foreignKey({
      columns: [t.workspaceId, t.workflowId],
      foreignColumns: [workflows.workspaceId, workflows.id],
    }).onDelete('cascade'),
    index('webhooks_workflow_idx').on(t.workspaceId, t.workflowId),
  ],
);

export const schedules = sqliteTable(
  'schedules',
  {
    workspaceId: text('workspace_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    nodeId: text('node_id').notNull(),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull().default('UTC'),
    nextRunAt: integer('next_run_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.workflowId, t.nodeId] }),
    foreignKey({
      columns: [t.workspaceId, t.workflowId],
      foreignColumns: [workflows.workspaceId, workflows.id],
    }).onDelete('cascade'),
  ],
);

export const nodeState = sqliteTable(
  'node_state',
  {
    workspaceId: text('workspace_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    nodeId: text('node_id').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.workflowId, t.nodeId, t.key] }),
    foreignKey({
      columns: [t.workspaceId, t.workflowId],
      foreignColumns: [workflows.workspaceId, workflows.id],
    }).onDelete('cascade'),
  ],
);

export const dataRecords = sqliteTable(
  'data_records',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    collection: text('collection').notNull(),
    key: text('key').notNull(),
    data: text('data').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.collection, t.key] }),
    index('data_records_created_idx').on(t.workspaceId, t.collection, t.createdAt),
  ],
);
