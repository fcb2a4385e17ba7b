import type { JsonValue } from '../api/contract';

/**
 * A report's period as `reporting/render@1` stores it: `{ since, until }` with `until` exclusive,
 * so the last day shown is the one before it (as the report itself prints it).
 */
export function formatPeriod(period: JsonValue, locale: string): string | undefined {
  if (typeof period !== 'object' || period === null || Array.isArray(period)) return undefined;
  const since = typeof period.since === 'string' ? Date.parse(period.since) : Number.NaN;
  const until = typeof period.until === 'string' ? Date.parse(period.until) - 1 : Number.NaN;
  if (Number.isNaN(since) || Number.isNaN(until) || until < since) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(since, until);
}
