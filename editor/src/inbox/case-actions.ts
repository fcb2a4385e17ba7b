import type { JsonValue } from '../api/contract';
import type { CaseStatus, CaseView, JsonRecord, Priority } from './case-record';

/**
 * What a user can do to a case in the Inbox. Each change returns the record to store, with the
 * history entry the CRM nodes would write (`applyChange` in plugins/crm/src/records/case-store.ts):
 * only the fields that really change are listed, each `{ from, to }`.
 */

export type CaseChange =
  | { kind: 'reassign'; owner: string | null; queue: string | null }
  | { kind: 'status'; status: CaseStatus }
  | { kind: 'priority'; priority: Priority };

export interface Actor {
  /** A member id or a name: history says `user:<who>`. */
  who: string;
  at: Date;
  /** The user's note; without one the action itself is the reason. */
  note?: string;
}

/** The history action of a change: `reassigned`, `pending`, `resolved`, `reopened`, `reprioritized`. */
export function actionOf(current: CaseView, change: CaseChange): string {
  if (change.kind === 'reassign') return 'reassigned';
  if (change.kind === 'priority') return 'reprioritized';
  if (change.status === 'resolved') return 'resolved';
  if (change.status === 'pending') return 'pending';
  return current.status === 'resolved' ? 'reopened' : 'resumed';
}

function fieldsOf(change: CaseChange, at: string): JsonRecord {
  switch (change.kind) {
    case 'reassign':
      return { owner: change.owner, queue: change.queue };
    case 'priority':
      return { priority: change.priority };
    case 'status':
      // Resolving stamps the time; reopening clears it (README: "Resolving sets resolvedAt").
      return { status: change.status, resolvedAt: change.status === 'resolved' ? at : null };
  }
}

/** Whether the change would alter anything; a no-op is not worth a history entry. */
export function changesSomething(current: CaseView, change: CaseChange): boolean {
  const fields = fieldsOf(change, '');
  return Object.entries(fields).some(
    ([field, to]) => field !== 'resolvedAt' && (current.data[field] ?? null) !== to,
  );
}

export function applyCaseChange(current: CaseView, change: CaseChange, actor: Actor): JsonRecord {
  const at = actor.at.toISOString();
  const diff: Record<string, { from: JsonValue; to: JsonValue }> = {};
  const next: JsonRecord = { ...current.data, updatedAt: at };
  for (const [field, to] of Object.entries(fieldsOf(change, at))) {
    const from = current.data[field] ?? null;
    if (from === to) continue;
    diff[field] = { from, to };
    next[field] = to;
  }
  const action = actionOf(current, change);
  const entry: JsonRecord = { at, by: `user:${actor.who}`, action, reason: actor.note?.trim() || action };
  if (Object.keys(diff).length > 0) entry.changes = diff;
  const history = Array.isArray(current.data.history) ? current.data.history : [];
  next.history = [...history, entry];
  return next;
}
