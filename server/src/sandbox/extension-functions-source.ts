import { isoDatePattern } from './expression-helpers.js';

/**
 * n8n's data transformation functions, the methods its expressions add to strings, numbers,
 * arrays and objects (`{{ $json.name.toTitleCase() }}`, `{{ $json.scores.average() }}`). The
 * built-ins stay untouched (they are frozen, and V8's fast paths watch them): a call of one of
 * these names is rewritten on the host to `$ext(value, "name", [args])` (`extension-calls.ts`),
 * which calls the value's own method when it has one and the function below otherwise.
 */
export const extensionFunctions = {
  string: [
    'isEmpty',
    'isNotEmpty',
    'toTitleCase',
    'toSentenceCase',
    'toSnakeCase',
    'extractEmail',
    'extractUrl',
    'extractDomain',
    'isEmail',
    'isUrl',
    'isNumeric',
    'removeTags',
    'toNumber',
    'toDateTime',
    'quote',
    'urlEncode',
    'urlDecode',
  ],
  number: ['round', 'floor', 'ceil', 'abs', 'isEven', 'isOdd', 'format', 'toDateTime'],
  array: [
    'isEmpty',
    'isNotEmpty',
    'first',
    'last',
    'sum',
    'average',
    'min',
    'max',
    'unique',
    'removeDuplicates',
    'compact',
    'chunk',
    'pluck',
    'difference',
    'intersection',
    'union',
  ],
  object: ['isEmpty', 'isNotEmpty', 'hasField', 'removeField', 'compact', 'keys', 'values', 'toJsonString'],
  /**
   * Luxon's methods on ISO date text, such as `$now` and `$today`: n8n's are Luxon dates, so
   * `{{ $now.toFormat('yyyy-LL-dd') }}` and `{{ $today.minus({ days: 7 }).toISODate() }}` work as
   * there, while `$now` stays text that compares with stored dates.
   */
  date: [
    'toFormat',
    'toISO',
    'toISODate',
    'toISOTime',
    'toMillis',
    'toSeconds',
    'toLocaleString',
    'toRelative',
    'plus',
    'minus',
    'startOf',
    'endOf',
    'set',
    'setZone',
    'setLocale',
    'diff',
    'diffNow',
    'hasSame',
  ],
} as const;

/** Every name rewritten to `$ext`. */
export const extensionNames: ReadonlySet<string> = new Set(Object.values(extensionFunctions).flat());

/** Source installing `$ext` as a global of an expression or Code node context. */
export const extensionFunctionsSource = String.raw`
(function () {
  'use strict';
  const isPlain = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
  const words = (text) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
  const urlPattern = /https?:\/\/[^\s"'<>]+/;
  const wholeEmail = new RegExp('^' + emailPattern.source + '$');
  const wholeUrl = new RegExp('^' + urlPattern.source + '$');
  const blank = (value) => value === null || value === undefined || value === '';
  /** The other list's values as JSON, which is how these functions compare values. */
  const jsonOf = (list) => new Set(list.map((value) => JSON.stringify(value)));
  const uniqueBy = (list, key) => {
    const seen = new Set();
    return list.filter((item) => {
      const id = key(item);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  };
  const numbers = (list) => list.map(Number).filter((n) => !Number.isNaN(n));
  const total = (list) => list.reduce((sum, n) => sum + n, 0);
  const toDateTime = (value) =>
    typeof value === 'number' ? DateTime.fromMillis(value) : DateTime.fromISO(String(value));

  const byType = {
    string: {
      isEmpty: (s) => s.length === 0,
      isNotEmpty: (s) => s.length > 0,
      toTitleCase: (s) => s.replace(/\p{L}[\p{L}'’]*/gu, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()),
      toSentenceCase: (s) => s.toLowerCase().replace(/(^\s*|[.!?]\s+)(\p{L})/gu, (m, lead, letter) => lead + letter.toUpperCase()),
      toSnakeCase: (s) => words(s).join('_').toLowerCase(),
      extractEmail: (s) => (emailPattern.exec(s) ?? [undefined])[0],
      extractUrl: (s) => (urlPattern.exec(s) ?? [undefined])[0],
      extractDomain(s) {
        const email = emailPattern.exec(s);
        if (email) return email[0].split('@')[1];
        const url = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:@\s]+)/i.exec(s.trim());
        return url ? url[1].toLowerCase() : undefined;
      },
      isEmail: (s) => wholeEmail.test(s.trim()),
      isUrl: (s) => wholeUrl.test(s.trim()),
      isNumeric: (s) => s.trim() !== '' && !Number.isNaN(Number(s)),
      removeTags: (s) => s.replace(/<[^>]*>/g, ''),
      toNumber: (s) => Number(s),
      toDateTime,
      quote: (s, mark = '"') => mark + s.split(mark).join('\\' + mark) + mark,
      urlEncode: (s) => encodeURIComponent(s),
      urlDecode: (s) => decodeURIComponent(s),
    },
    number: {
      round(n, digits = 0) {
        const scale = 10 ** digits;
        return Math.round(n * scale) / scale;
      },
      floor: (n) => Math.floor(n),
      ceil: (n) => Math.ceil(n),
      abs: (n) => Math.abs(n),
      isEven: (n) => n % 2 === 0,
      isOdd: (n) => Math.abs(n % 2) === 1,
      format: (n, locale, options) => n.toLocaleString(locale, options),
      toDateTime,
    },
    array: {
      isEmpty: (a) => a.length === 0,
      isNotEmpty: (a) => a.length > 0,
      first: (a) => a[0],
      last: (a) => a[a.length - 1],
      sum: (a) => total(numbers(a)),
      average(a) {
        const values = numbers(a);
        return values.length === 0 ? 0 : total(values) / values.length;
      },
      min: (a) => Math.min(...numbers(a)),
      max: (a) => Math.max(...numbers(a)),
      unique: (a, ...fields) => uniqueBy(a, (item) => JSON.stringify(fields.length && isPlain(item) ? fields.map((f) => item[f]) : item)),
      removeDuplicates: (a, ...fields) => byType.array.unique(a, ...fields),
      compact: (a) => a.filter((item) => !blank(item)),
      chunk(a, size) {
        const chunks = [];
        for (let at = 0; at < a.length; at += Math.max(1, size)) chunks.push(a.slice(at, at + Math.max(1, size)));
        return chunks;
      },
      pluck: (a, ...fields) =>
        a.map((item) => (fields.length === 1 ? item?.[fields[0]] : Object.fromEntries(fields.map((f) => [f, item?.[f]])))),
      difference(a, other) {
        const known = jsonOf(other);
        return a.filter((item) => !known.has(JSON.stringify(item)));
      },
      intersection(a, other) {
        const known = jsonOf(other);
        return uniqueBy(a.filter((item) => known.has(JSON.stringify(item))), (i) => JSON.stringify(i));
      },
      union: (a, other) => uniqueBy([...a, ...other], (i) => JSON.stringify(i)),
    },
    object: {
      isEmpty: (o) => Object.keys(o).length === 0,
      isNotEmpty: (o) => Object.keys(o).length > 0,
      hasField: (o, name) => Object.hasOwn(o, name),
      removeField: (o, name) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== name)),
      compact: (o) => Object.fromEntries(Object.entries(o).filter(([, value]) => !blank(value))),
      keys: (o) => Object.keys(o),
      values: (o) => Object.values(o),
      toJsonString: (o) => JSON.stringify(o),
    },
  };

  const isoDate = /${isoDatePattern}/;
  const dateMethods = new Set(${JSON.stringify(extensionFunctions.date)});
  /** Luxon's method of that name on ISO date text, as n8n's $now and $today have them. */
  function onDateText(text, name) {
    if (!dateMethods.has(name) || !isoDate.test(text.trim())) return undefined;
    return (s, ...args) => {
      const date = DateTime.fromISO(s.trim().replace(' ', 'T'));
      return date[name](...args);
    };
  }

  const typeOf = (value) =>
    typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : Array.isArray(value) ? 'array' : isPlain(value) ? 'object' : undefined;

  /** value.name(...args): the value's own method if it has one, else n8n's function of that name. */
  function $ext(value, name, args, optional) {
    if (optional && (value === null || value === undefined)) return undefined;
    if (value !== null && value !== undefined && typeof value[name] === 'function') return value[name](...args);
    const type = typeOf(value);
    const fn =
      type !== undefined && Object.hasOwn(byType[type], name)
        ? byType[type][name]
        : type === 'string'
          ? onDateText(value, name)
          : undefined;
    if (fn === undefined) {
      throw new TypeError((value === null || value === undefined ? String(value) : (type ?? typeof value)) + ' has no method ' + name + '()');
    }
    return fn(value, ...args);
  }
  Object.defineProperty(globalThis, '$ext', { value: $ext, enumerable: false, writable: false, configurable: false });
})();
`;
