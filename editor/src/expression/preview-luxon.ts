import { DateTime, Duration, Interval } from 'luxon';

/**
 * Luxon's `DateTime`, `Duration` and `Interval` for the preview, as the server's expressions have
 * them (`server/src/sandbox/luxon-source.ts`): dates in UTC, `DateTime.now()` the sample's `$now`.
 * Only the static functions that make values are callable, and on values only Luxon's own
 * methods and getters: the preview still walks no prototype of its own choosing.
 */

const utc = { zone: 'utc' } as const;
type Maker = (...args: never[]) => unknown;

/** Fresh per expression: `now` is the sample's clock. */
export function luxonNamespaces(now: string | undefined): Record<string, Record<string, unknown>> {
  const at = () => (now ? DateTime.fromISO(now, utc) : DateTime.utc());
  const dateTime: Record<string, Maker> = {
    now: at,
    local: (...parts: Parameters<typeof DateTime.utc>) =>
      parts.length === 0 ? at() : DateTime.utc(...parts),
    utc: (...parts: Parameters<typeof DateTime.utc>) => (parts.length === 0 ? at() : DateTime.utc(...parts)),
    fromISO: (text: string, options?: object) => DateTime.fromISO(text, { ...utc, ...options }),
    fromMillis: (ms: number, options?: object) => DateTime.fromMillis(ms, { ...utc, ...options }),
    fromSeconds: (s: number, options?: object) => DateTime.fromSeconds(s, { ...utc, ...options }),
    fromFormat: (text: string, format: string, options?: object) =>
      DateTime.fromFormat(text, format, { ...utc, ...options }),
    fromSQL: (text: string, options?: object) => DateTime.fromSQL(text, { ...utc, ...options }),
    fromRFC2822: (text: string, options?: object) => DateTime.fromRFC2822(text, { ...utc, ...options }),
    fromHTTP: (text: string, options?: object) => DateTime.fromHTTP(text, { ...utc, ...options }),
    fromObject: (parts: object, options?: object) => DateTime.fromObject(parts, { ...utc, ...options }),
    max: (...dates: DateTime[]) => DateTime.max(...dates),
    min: (...dates: DateTime[]) => DateTime.min(...dates),
    isDateTime: (value: unknown) => DateTime.isDateTime(value),
  };
  const presets = Object.fromEntries(
    Object.entries(Object.getOwnPropertyDescriptors(DateTime))
      .filter(([name, descriptor]) => /^[A-Z_]+$/.test(name) && descriptor.get)
      .map(([name]) => [name, DateTime[name as keyof typeof DateTime]]),
  );
  return {
    DateTime: { ...dateTime, ...presets },
    Duration: {
      fromObject: (parts: object) => Duration.fromObject(parts),
      fromMillis: (ms: number) => Duration.fromMillis(ms),
      fromISO: (text: string) => Duration.fromISO(text),
      fromISOTime: (text: string) => Duration.fromISOTime(text),
      isDuration: (value: unknown) => Duration.isDuration(value),
    },
    Interval: {
      fromISO: (text: string) => Interval.fromISO(text, utc),
      fromDateTimes: (start: DateTime, end: DateTime) => Interval.fromDateTimes(start, end),
      after: (start: DateTime, length: object) => Interval.after(start, length),
      before: (end: DateTime, length: object) => Interval.before(end, length),
      isInterval: (value: unknown) => Interval.isInterval(value),
    },
  };
}

export function isLuxon(value: unknown): value is DateTime | Duration | Interval {
  return value instanceof DateTime || value instanceof Duration || value instanceof Interval;
}

/** The descriptor of a public member of a Luxon value's class, if it has one of that name. */
function luxonMember(value: DateTime | Duration | Interval, name: string): PropertyDescriptor | undefined {
  if (name.startsWith('_') || name === 'constructor') return undefined;
  return Object.getOwnPropertyDescriptor(Object.getPrototypeOf(value), name);
}

/** A getter's value (`.year`, `.isValid`); undefined for anything else. */
export function luxonGet(value: DateTime | Duration | Interval, name: string): unknown {
  const getter = luxonMember(value, name)?.get;
  return getter ? getter.call(value) : undefined;
}

/** Calls one of Luxon's methods on `value`; undefined when `name` is none of them. */
export function luxonCall(
  value: DateTime | Duration | Interval,
  name: string,
  args: unknown[],
): { value: unknown } | undefined {
  const method = luxonMember(value, name)?.value;
  return typeof method === 'function' ? { value: method.apply(value, args) } : undefined;
}
