import type { JsonObject, JsonValue } from '@sbss/sdk';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { StoreDb } from './database.js';
import { fromJson, toIso, toJson } from './row-codec.js';
import { workspaceVariables } from './schema.js';
import type { WriteQueue } from './write-queue.js';

export interface Variable {
  key: string;
  value: JsonValue;
  updatedAt: string;
}

/**
 * Workspace variables: values a workspace's workflows share and read as `$vars.<key>` (a brand
 * name, a region, an owner's e-mail), so one template serves every client workspace. Not for
 * secrets: variables are shown in full; credentials are sealed.
 */
export interface VariableRepository {
  list(workspaceId: string): Variable[];
  /** Key → value, as an execution's `$vars` sees them. */
  values(workspaceId: string): JsonObject;
  set(workspaceId: string, key: string, value: JsonValue): Promise<Variable>;
  /** Whether there was such a variable. */
  delete(workspaceId: string, key: string): Promise<boolean>;
}

const p = sql.placeholder;
const single = { savepoint: false };

export function createVariableRepository(db: StoreDb, queue: WriteQueue): VariableRepository {
  const all = db
    .select()
    .from(workspaceVariables)
    .where(eq(workspaceVariables.workspaceId, p('workspaceId')))
    .orderBy(asc(workspaceVariables.key))
    .prepare();
  const upsert = db
    .insert(workspaceVariables)
    .values({ workspaceId: p('workspaceId'), key: p('key'), value: p('value'), updatedAt: p('updatedAt') })
    .onConflictDoUpdate({
      target: [workspaceVariables.workspaceId, workspaceVariables.key],
      set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
    })
    .prepare();
  const remove = db
    .delete(workspaceVariables)
    .where(and(eq(workspaceVariables.workspaceId, p('workspaceId')), eq(workspaceVariables.key, p('key'))))
    .prepare();

  const rows = (workspaceId: string) => all.all({ workspaceId });
  return {
    list: (workspaceId) =>
      rows(workspaceId).map((row) => ({
        key: row.key,
        value: fromJson<JsonValue>(row.value),
        updatedAt: toIso(row.updatedAt),
      })),
    values: (workspaceId) =>
      Object.fromEntries(rows(workspaceId).map((row) => [row.key, fromJson<JsonValue>(row.value)])),
    set: (workspaceId, key, value) =>
      queue.enqueue(() => {
        const updatedAt = Date.now();
        upsert.run({ workspaceId, key, value: toJson(value), updatedAt });
        return { key, value, updatedAt: toIso(updatedAt) };
      }, single),
    delete: (workspaceId, key) => queue.enqueue(() => remove.run({ workspaceId, key }).changes > 0, single),
  };
}
