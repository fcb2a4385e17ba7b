import type { Fingerprint } from './simhash.js';

interface Band {
  from: number;
  to: number;
}

/**
 * Items filed under the bands of their fingerprint: `threshold + 1` runs of adjacent bits, as
 * even in width as 64 allows. Two fingerprints within `threshold` bits of each other agree on at
 * least one band (pigeonhole; Manku, Jain and Das Sarma, WWW 2007), so the items filed under a
 * fingerprint's bands include every one within `threshold` bits of it, without comparing it
 * with all of them. Callers measure the distance of each candidate.
 */
export class BandIndex<T> {
  readonly #bands: Band[];
  readonly #tables: Map<number, T[]>[];
  #size = 0;

  constructor(threshold: number) {
    const count = threshold + 1;
    this.#bands = Array.from({ length: count }, (_, band) => ({
      from: Math.floor((band * 64) / count),
      to: Math.floor(((band + 1) * 64) / count),
    }));
    this.#tables = this.#bands.map(() => new Map());
  }

  get size(): number {
    return this.#size;
  }

  add(fingerprint: Fingerprint, item: T): void {
    this.#size += 1;
    this.#bands.forEach((band, at) => {
      const table = this.#tables[at] as Map<number, T[]>;
      const value = bandValue(fingerprint, band);
      const list = table.get(value);
      if (list) list.push(item);
      else table.set(value, [item]);
    });
  }

  /**
   * The items filed under each band of `fingerprint`: one list per band that has any, so an
   * item sharing several bands comes once per band. Lists, not a generator: a scan of the
   * window asks this once per remembered fingerprint.
   */
  lists(fingerprint: Fingerprint): T[][] {
    const found: T[][] = [];
    this.#bands.forEach((band, at) => {
      const list = this.#tables[at]?.get(bandValue(fingerprint, band));
      if (list) found.push(list);
    });
    return found;
  }
}

/**
 * The band's bits as a number. A band wider than 53 bits (threshold 0: the whole fingerprint)
 * loses its lowest bits to rounding, which only adds candidates: equal bits still give equal
 * values.
 */
function bandValue({ high, low }: Fingerprint, { from, to }: Band): number {
  const highPart = from < 32 ? bitsOf(high, from, Math.min(to, 32)) : 0;
  if (to <= 32) return highPart;
  const lowFrom = Math.max(from, 32) - 32;
  return highPart * 2 ** (to - 32 - lowFrom) + bitsOf(low, lowFrom, to - 32);
}

/** Bits `from` (inclusive) to `to` (exclusive) of a 32-bit word, counted from the top. */
function bitsOf(word: number, from: number, to: number): number {
  return ((word << from) >>> 0) >>> (32 - (to - from));
}
