import type { CaseView } from './case-record';

/**
 * Where a case stands against its SLA due time. `pending` stops the clock and only `open` cases
 * escalate (plugins/crm/README.md), so only an open case can be due or overdue.
 */
export type SlaState =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'due'; ms: number; dueAt: string }
  | { kind: 'overdue'; ms: number; dueAt: string }
  | { kind: 'met' | 'missed'; dueAt: string };

/** Within this much of the due time the countdown turns to a warning. */
export const dueSoonMs = 30 * 60_000;

export function slaState(item: CaseView, now: number): SlaState {
  const dueAt = item.slaDueAt;
  const due = dueAt ? Date.parse(dueAt) : Number.NaN;
  if (!dueAt || Number.isNaN(due)) return { kind: 'none' };
  if (item.status === 'resolved') {
    const resolved = item.resolvedAt ? Date.parse(item.resolvedAt) : Number.NaN;
    return { kind: resolved <= due ? 'met' : 'missed', dueAt };
  }
  if (item.status === 'pending') return { kind: 'paused' };
  return due >= now ? { kind: 'due', ms: due - now, dueAt } : { kind: 'overdue', ms: now - due, dueAt };
}

export function isOverdue(item: CaseView, now: number): boolean {
  return slaState(item, now).kind === 'overdue';
}

const units = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/** "1 hr 20 min", "2天 3小时": the two largest units of a span, in the UI language. */
export function formatSpan(ms: number, locale: string): string {
  const format = (amount: number, unit: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(amount);
  const span = Math.max(ms, 60_000);
  for (const [index, [unit, size]] of units.entries()) {
    if (span < size) continue;
    const major = Math.floor(span / size);
    const next = units[index + 1];
    const minor = next ? Math.floor((span % size) / next[1]) : 0;
    return next && minor > 0 ? `${format(major, unit)} ${format(minor, next[0])}` : format(major, unit);
  }
  return '';
}
