/**
 * Source of the helper library installed as globals in the expression isolate (`$str`, `$num`,
 * `$date`, `$math`, `$if`, `$ifEmpty`). It runs inside the isolate, never in the host, so it is kept as plain
 * JavaScript text; EXPRESSIONS.md documents it and `expression-evaluator.test.ts` tests it through
 * the evaluator. Dates are UTC throughout: the isolate's local time zone is the host's, and
 * results must not change with the machine a workflow runs on.
 */
/**
 * ISO 8601 date text, a time optional (a space may stand for the \`T\`), the offset optional:
 * the date, the time and the offset in groups 1–3. `$date` reads dates by it, and Luxon's methods
 * are offered on text it matches (`extension-functions-source.ts`).
 */
export const isoDatePattern = String.raw`^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$`;

export const helpersSource = String.raw`
(function () {
  'use strict';
  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, enumerable: false, writable: false, configurable: false });
  const text = (value) => (value === null || value === undefined ? '' : String(value));

  define('$str', {
    lower: (value) => text(value).toLowerCase(),
    upper: (value) => text(value).toUpperCase(),
    trim: (value) => text(value).trim(),
    includes(value, search, options) {
      const ignoreCase = options !== null && typeof options === 'object' && options.ignoreCase === true;
      return ignoreCase
        ? text(value).toLowerCase().includes(text(search).toLowerCase())
        : text(value).includes(text(search));
    },
    /** Counts code points, so an emoji is never cut in half; the suffix counts toward length. */
    truncate(value, length, suffix = '…') {
      const chars = Array.from(text(value));
      if (chars.length <= length) return chars.join('');
      const tail = Array.from(text(suffix));
      return chars.slice(0, Math.max(0, length - tail.length)).join('') + tail.join('');
    },
    /** Keeps letters of every script (a Chinese title keeps its characters), drops accents. */
    slugify(value) {
      return text(value)
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '');
    },
  });

  /** Moves the decimal point through the string form, so round(1.005, 2) is 1.01, not 1. */
  const shift = (value, places) => {
    const [mantissa, exponent = '0'] = String(value).split('e');
    return Number(mantissa + 'e' + (Number(exponent) + places));
  };
  const round = (value, digits = 0) => {
    const n = Number(value);
    if (!Number.isFinite(n)) return n;
    return Math.sign(n) * shift(Math.round(shift(Math.abs(n), digits)), -digits);
  };
  define('$num', {
    round,
    clamp: (value, min, max) => Math.min(Math.max(Number(value), min), max),
    percent: (part, total, digits = 2) => (Number(total) === 0 ? 0 : round((Number(part) / Number(total)) * 100, digits)),
  });

  const HOUR = 3600000;
  const DAY = 24 * HOUR;
  const ISO = /${isoDatePattern}/i;
  /** ISO 8601 text, epoch milliseconds or a Date; a time without an offset is read as UTC. */
  const toDate = (value) => {
    let date;
    if (value instanceof Date) date = new Date(value.getTime());
    else if (typeof value === 'number') date = new Date(value);
    else {
      const match = ISO.exec(text(value).trim());
      if (match === null) throw new RangeError('$date: not an ISO date: ' + text(value));
      date = new Date(match[2] === undefined ? match[1] : match[1] + 'T' + match[2] + (match[3] ?? 'Z'));
    }
    if (Number.isNaN(date.getTime())) throw new RangeError('$date: not a valid date: ' + text(value));
    return date;
  };
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  const tokens = {
    YYYY: (d) => pad(d.getUTCFullYear(), 4),
    MM: (d) => pad(d.getUTCMonth() + 1),
    DD: (d) => pad(d.getUTCDate()),
    HH: (d) => pad(d.getUTCHours()),
    mm: (d) => pad(d.getUTCMinutes()),
    ss: (d) => pad(d.getUTCSeconds()),
    SSS: (d) => pad(d.getUTCMilliseconds(), 3),
  };
  define('$date', {
    parse: toDate,
    format(value, pattern = 'ISO') {
      const date = toDate(value);
      if (pattern === 'ISO' || pattern === 'iso') return date.toISOString();
      return text(pattern).replace(/YYYY|MM|DD|HH|mm|ss|SSS/g, (token) => tokens[token](date));
    },
    addDays: (value, days) => new Date(toDate(value).getTime() + Number(days) * DAY).toISOString(),
    addHours: (value, hours) => new Date(toDate(value).getTime() + Number(hours) * HOUR).toISOString(),
    diffHours: (a, b) => (toDate(a).getTime() - toDate(b).getTime()) / HOUR,
    diffDays: (a, b) => (toDate(a).getTime() - toDate(b).getTime()) / DAY,
    startOfDay(value) {
      const date = toDate(value);
      date.setUTCHours(0, 0, 0, 0);
      return date.toISOString();
    },
  });

  define('$math', Math);

  // n8n's two conditionals, for expressions brought from there.
  define('$if', (condition, whenTrue, whenFalse) => (condition ? whenTrue : whenFalse));
  const isEmpty = (value) =>
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length === 0);
  define('$ifEmpty', (value, fallback) => (isEmpty(value) ? fallback : value));
})();
`;
