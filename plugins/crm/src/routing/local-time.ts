import { type Weekday, weekdays } from '../records/team.js';

export interface LocalTime {
  day: Weekday;
  /** Minutes since local midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Wall-clock day and time in an IANA zone through ECMA-402 (`Intl.DateTimeFormat` with
 * `timeZone`), which the sandbox has and which follows daylight saving from the tz database.
 * Throws a RangeError for an unknown zone.
 */
export function localTime(at: Date, timeZone: string): LocalTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  const day = weekdays.find((name) => name === parts.weekday?.toLowerCase());
  if (!day) throw new RangeError(`No weekday for ${at.toISOString()} in ${timeZone}`);
  return { day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function isTimeZone(timeZone: string): boolean {
  try {
    localTime(new Date(0), timeZone);
    return true;
  } catch {
    return false;
  }
}
