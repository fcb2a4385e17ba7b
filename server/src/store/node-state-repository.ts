import type { JsonValue } from '@sbss/sdk';
import { and, eq, sql } from 'drizzle-orm';
import type { StoreDb } from './database.js';
import { fromJson, toJson } from './row-codec.js';
import { nodeState } from './schema.js';
import type { WriteQueue } from './write-queue.js';

/** Per-node key/value state (polling cursors, counters), kept across executions. */
export interface NodeStateRepository {
  get(workspaceId: string, workflowId: string, nodeId: string, key: string): JsonValue | undefined;
  set(workspaceId: string, workflowId: string, nodeId: string, key: string, value: JsonValue): Promise<void>;
  delete(workspaceId: string, workflowId: string, nodeId: string, key: string): Promise<void>;
}

const p = sql.placeholder;
// Every write here is a single statement: no savepoint needed (see WriteQueue).
const single = { savepoint: false };

export function createNodeStateRepository(db: StoreDb, queue: WriteQueue): NodeStateRepository {
  const where = and(
    eq(nodeState.workspaceId, p('workspaceId')),
    eq(nodeState.workflowId, p('workflowId')),
    eq(nodeState.nodeId, p('nodeId')),
    eq(nodeState.key, p('key')),
  );
  const select = db.select({ value: nodeState.value }).from(nodeState).where(where).prepare();
  const upsert = db
    .insert(nodeState)
    .values({
      workspaceId: p('workspaceId'),
      workflowId: p('workflowId'),
      nodeId: p('nodeId'),
      key: p('key'),
      value: p('value'),
    })
    .onConflictDoUpdate({
      target: [nodeState.workspaceId, nodeState.workflowId, nodeState.nodeId, nodeState.key],
      set: { value: sql`excluded.value` },
    })
    .prepare();
  const remove = db.delete(nodeState).where(where).prepare();

  return {
    get(workspaceId, workflowId, nodeId, key) {
      const row = select.get({ workspaceId, workflowId, nodeId, key });
      return row ? fromJson<JsonValue>(row.value) : undefined;
    },
    async set(workspaceId, workflowId, nodeId, key, value) {
      const params = { workspaceId, workflowId, nodeId, key, value: toJson(value) };
      await queue.enqueue(() => upsert.run(params), single);
    },
    async delete(workspaceId, workflowId, nodeId, key) {
      await queue.enqueue(() => remove.run({ workspaceId, workflowId, nodeId, key }), single);
    },
  };
}
