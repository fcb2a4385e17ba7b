import type { DataRecord, JsonValue } from '@sbss/sdk';
import { round } from './sentiment-mix.js';

export interface DurationStats {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  meanMinutes: number | null;
}

export interface CaseMetrics {
  total: number;
  byStatus: Record<string, number>;
  firstResponse: DurationStats;
  resolution: DurationStats;
  sla: {
    met: number;
    breached: number;
    /** Open, unanswered and not yet due: left out of attainment until they are decided. */
    pending: number;
    /** Cases without `slaDueAt`. */
    untracked: number;
    /** met / (met + breached), 0..1; null when nothing was decided yet. */
    attainment: number | null;
  };
}

const timeOf = (value: JsonValue | undefined): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
};

/**
 * Response times and SLA attainment from CRM cases. Fields read (see README): `status`,
 * `createdAt` (else the record's creation time), `firstResponseAt`, `resolvedAt`, `slaDueAt`.
 * The SLA is the first-response target: a case meets it when its first response (or, lacking
 * one, its resolution) came at or before `slaDueAt`; an unanswered case breaches once past due.
 */
export function caseMetrics(records: DataRecord[], now: Date): CaseMetrics {
  const byStatus: Record<string, number> = {};
  const responses: number[] = [];
  const resolutions: number[] = [];
  const sla = { met: 0, breached: 0, pending: 0, untracked: 0 };
  for (const { data, createdAt } of records) {
    const status = typeof data.status === 'string' ? data.status : 'unknown';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const opened = timeOf(data.createdAt) ?? Date.parse(createdAt);
    const responded = timeOf(data.firstResponseAt);
    const resolved = timeOf(data.resolvedAt);
    if (responded !== undefined) responses.push(responded - opened);
    if (resolved !== undefined) resolutions.push(resolved - opened);
    const due = timeOf(data.slaDueAt);
    const answered = responded ?? resolved;
    if (due === undefined) sla.untracked += 1;
    else if (answered !== undefined) sla[answered <= due ? 'met' : 'breached'] += 1;
    else sla[now.getTime() > due ? 'breached' : 'pending'] += 1;
  }
  const decided = sla.met + sla.breached;
  return {
    total: records.length,
    byStatus,
    firstResponse: durationStats(responses),
    resolution: durationStats(resolutions),
    sla: { ...sla, attainment: decided === 0 ? null : round(sla.met / decided, 4) },
  };
}

function durationStats(durations: number[]): DurationStats {
  const minutes = durations.filter((ms) => ms >= 0).map((ms) => ms / 60_000);
  if (minutes.length === 0) return { count: 0, medianMinutes: null, p90Minutes: null, meanMinutes: null };
  const sorted = [...minutes].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    count: sorted.length,
    medianMinutes: round(quantile(sorted, 0.5), 1),
    p90Minutes: round(quantile(sorted, 0.9), 1),
    meanMinutes: round(mean, 1),
  };
}

/** Linear interpolation between closest ranks (the "R-7" definition spreadsheets use). */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const lower = sorted[low] ?? 0;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (at - low);
}
