import { type DataCapability, type JsonValue, type NodeContext, NodeError } from '@sbss/sdk';
import { type Case, caseSchema, type HistoryEntry } from './case.js';
import { collections } from './collections.js';
import { asJson } from './json-record.js';

export async function loadCase(data: DataCapability, id: string): Promise<Case | undefined> {
  const record = await data.get(collections.cases, id);
  if (!record) return undefined;
  const parsed = caseSchema.safeParse(record.data);
  if (!parsed.success) {
    throw new NodeError('CASE_INVALID', `Case ${id} does not have the shape of a case`, parsed.error.issues);
  }
  return parsed.data;
}

export async function saveCase(data: DataCapability, value: Case): Promise<void> {
  await data.upsert(collections.cases, value.id, asJson(value));
}

type Changes = Partial<
  Pick<Case, 'status' | 'priority' | 'owner' | 'queue' | 'slaDueAt' | 'escalationLevel'>
>;

export interface Change {
  action: string;
  reason?: string;
  changes?: Changes;
  key?: string;
  /** Further fields of the history entry, e.g. the due time a warning was about. */
  details?: Record<string, JsonValue>;
}

/** Who a node writes as in a case's history. */
export function actor(ctx: Pick<NodeContext, 'workflowId' | 'nodeId' | 'executionId' | 'now'>) {
  return {
    by: `workflow:${ctx.workflowId}/${ctx.nodeId}`,
    executionId: ctx.executionId,
    at: ctx.now().toISOString(),
  };
}

/** Applies field changes and appends the history entry that says who, when and why. */
export function applyChange(value: Case, change: Change, who: ReturnType<typeof actor>): Case {
  const diff: Record<string, { from: JsonValue; to: JsonValue }> = {};
  const next: Case = { ...value, updatedAt: who.at };
  for (const [field, to] of Object.entries(change.changes ?? {}) as [keyof Changes, JsonValue][]) {
    const from = (value[field] ?? null) as JsonValue;
    if (from === to) continue;
    diff[field] = { from, to };
    Object.assign(next, { [field]: to });
  }
  const entry: HistoryEntry = { ...change.details, ...who, action: change.action };
  if (change.reason) entry.reason = change.reason;
  if (Object.keys(diff).length > 0) entry.changes = diff;
  if (change.key) entry.key = change.key;
  next.history = [...value.history, entry];
  return next;
}

/** Whether a step with this idempotency key already wrote to the case (a replay). */
export function alreadyApplied(value: Case, key: string): boolean {
  return value.history.some((entry) => entry.key === key);
}
