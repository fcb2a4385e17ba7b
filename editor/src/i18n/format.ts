/** Dates, numbers and durations in the UI language, through Intl. */

export function formatDateTime(value: string | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "850 ms", "1.2 s", "3 min" — a step's duration at a glance. */
export function formatDuration(ms: number, locale: string): string {
  if (ms < 1000)
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond' }).format(Math.round(ms));
  if (ms < 60_000) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(
      ms / 1000,
    );
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', maximumFractionDigits: 1 }).format(
    ms / 60_000,
  );
}

export function durationBetween(start: string | undefined, end: string | undefined): number | undefined {
  if (!start || !end) return undefined;
  const ms = new Date(end).getTime() - new Date(start).getTime();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}
