import type { JsonValue } from '@sbss/sdk';

/** Fixed root-locale collation: a replayed execution must sort the same on any server. */
const collator = new Intl.Collator('und', { numeric: true });

/** ISO 8601 dates and date-times (RFC 3339 profile, with a space allowed for "T"). */
const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

const typeRank = (value: JsonValue) =>
  typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : typeof value === 'boolean' ? 2 : 3;

/**
 * Orders two present values: numbers numerically, ISO dates by time, other strings by a
 * numeric-aware collation ("item 9" before "item 10"), and mixed types by type.
 */
export function compareValues(a: JsonValue, b: JsonValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    if (isoDate.test(a) && isoDate.test(b)) {
      const difference = Date.parse(a) - Date.parse(b);
      if (!Number.isNaN(difference)) return difference;
    }
    return collator.compare(a, b);
  }
  return typeRank(a) - typeRank(b) || collator.compare(JSON.stringify(a), JSON.stringify(b));
}
