import type { JsonValue } from '@sbss/sdk';
import { and, eq, sql } from 'drizzle-orm';
import { type CredentialCipher, packSealed, unpackSealed } from './credential-cipher.js';
import type { StoreDb } from './database.js';
import { fromJson, toJson } from './row-codec.js';
import { nodeState } from './schema.js';
import type { WriteQueue } from './write-queue.js';

/**
 * Per-node key/value state (polling cursors, counters, a CRM's short-lived access token), kept
 * across executions and sealed at rest like credentials: nodes keep tokens derived from a
 * credential here, and those must not lie in the database file as plain text. A value that no
 * longer opens (the encryption key was replaced) reads as absent, as lost state would.
 */
export interface NodeStateRepository {
  get(workspaceId: string, workflowId: string, nodeId: string, key: string): JsonValue | undefined;
  set(workspaceId: string, workflowId: string, nodeId: string, key: string, value: JsonValue): Promise<void>;
  delete(workspaceId: string, workflowId: string, nodeId: string, key: string): Promise<void>;
}

const p = sql.placeholder;
/** Marks a sealed value; JSON text never starts with it, so values stored before sealing still read. */
const sealedPrefix = 'sealed:';
// Every write here is a single statement: no savepoint needed (see WriteQueue).
const single = { savepoint: false };

export function createNodeStateRepository(
  db: StoreDb,
  queue: WriteQueue,
  cipher: () => CredentialCipher,
): NodeStateRepository {
  // Bound to where the value belongs: copied to another node or workspace, it does not open.
  const context = (...where: string[]) => JSON.stringify(['node-state', ...where]);
  const seal = (value: JsonValue, where: string) =>
    sealedPrefix + packSealed(cipher().seal(toJson(value), where)).toString('base64');
  const open = (stored: string, where: string): JsonValue | undefined => {
    if (!stored.startsWith(sealedPrefix)) return fromJson<JsonValue>(stored);
    const sealed = unpackSealed(Buffer.from(stored.slice(sealedPrefix.length), 'base64'));
    try {
      return fromJson<JsonValue>(cipher().open(sealed, where));
    } catch {
      return undefined;
    }
  };
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
      return row ? open(row.value, context(workspaceId, workflowId, nodeId, key)) : undefined;
    },
    async set(workspaceId, workflowId, nodeId, key, value) {
      const sealed = seal(value, context(workspaceId, workflowId, nodeId, key));
      const params = { workspaceId, workflowId, nodeId, key, value: sealed };
      await queue.enqueue(() => upsert.run(params), single);
    },
    async delete(workspaceId, workflowId, nodeId, key) {
      await queue.enqueue(() => remove.run({ workspaceId, workflowId, nodeId, key }), single);
    },
  };
}
