import type { JsonValue, RecordQuery } from '../api/contract';
import { type CaseStatus, type CaseView, type Priority, priorities } from './case-record';
import { isOverdue, slaState } from './sla';

/** The Inbox's filters; `''` means any. `owner: null` is "unassigned". */
export interface CaseFilters {
  status: CaseStatus | '';
  priority: Priority | '';
  owner: string | null | '';
  queue: string;
  overdueOnly: boolean;
}

export const defaultFilters: CaseFilters = {
  status: 'open',
  priority: '',
  owner: '',
  queue: '',
  overdueOnly: false,
};

/** The most cases the list loads at once; the API allows up to 1000. */
export const caseListLimit = 500;

/**
 * The server matches fields exactly, so every filter but "overdue" (a comparison with the clock)
 * runs there; only open cases can be overdue, so that filter alone still narrows the status.
 */
export function caseQuery(filters: CaseFilters): RecordQuery {
  const where: Record<string, JsonValue> = {};
  if (filters.status) where.status = filters.status;
  else if (filters.overdueOnly) where.status = 'open';
  if (filters.priority) where.priority = filters.priority;
  if (filters.owner !== '') where.owner = filters.owner;
  if (filters.queue) where.queue = filters.queue;
  return { where, orderBy: 'updatedAt', desc: true, limit: caseListLimit };
}

function urgencyRank(item: CaseView, now: number): number {
  const kind = slaState(item, now).kind;
  if (kind === 'overdue') return 0;
  if (kind === 'due') return 1;
  return 2;
}

/**
 * Work order: overdue first, then by due time, then by priority; cases without a clock
 * (pending, resolved, no SLA) last, most recently updated first.
 */
export function sortCases(items: CaseView[], now: number): CaseView[] {
  const due = (item: CaseView) => (item.slaDueAt ? Date.parse(item.slaDueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort(
    (a, b) =>
      urgencyRank(a, now) - urgencyRank(b, now) ||
      (urgencyRank(a, now) < 2 ? due(a) - due(b) : 0) ||
      priorities.indexOf(a.priority) - priorities.indexOf(b.priority) ||
      b.updatedAt.localeCompare(a.updatedAt),
  );
}

export function visibleCases(items: CaseView[], filters: CaseFilters, now: number): CaseView[] {
  const shown = filters.overdueOnly ? items.filter((item) => isOverdue(item, now)) : items;
  return sortCases(shown, now);
}
