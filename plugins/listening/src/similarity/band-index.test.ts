import { describe, expect, it } from 'vitest';
import { BandIndex } from './band-index.js';
import { type Fingerprint, hammingDistance } from './simhash.js';

/** A deterministic stream of 32-bit words (xorshift32, Marsaglia 2003). */
function words(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

function flipBits({ high, low }: Fingerprint, bits: number[]): Fingerprint {
  let flipped = { high, low };
  for (const bit of bits) {
    flipped =
      bit < 32
        ? { ...flipped, high: (flipped.high ^ (1 << (31 - bit))) >>> 0 }
        : { ...flipped, low: (flipped.low ^ (1 << (63 - bit))) >>> 0 };
  }
  return flipped;
}

describe('BandIndex', () => {
  it.each([0, 1, 3, 6, 12])('finds every fingerprint within %i bits', (threshold) => {
    const next = words(threshold + 1);
    const index = new BandIndex<Fingerprint>(threshold);
    for (let round = 0; round < 200; round += 1) {
      const stored = { high: next(), low: next() };
      index.add(stored, stored);
      const bits = Array.from({ length: threshold }, () => next() % 64);
      const probe = flipBits(stored, bits);
      expect(hammingDistance(stored, probe)).toBeLessThanOrEqual(threshold);
      expect(index.lists(probe).flat()).toContain(stored);
    }
  });

  it('leaves out fingerprints that share no band', () => {
    const index = new BandIndex<string>(1);
    index.add({ high: 0, low: 0 }, 'zero');
    expect(index.lists({ high: 0xffffffff, low: 0xffffffff }).flat()).toEqual([]);
    expect(index.lists({ high: 0, low: 0xffffffff }).flat()).toEqual(['zero']);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits in both halves', () => {
    expect(hammingDistance({ high: 0, low: 0 }, { high: 0xffffffff, low: 0xffffffff })).toBe(64);
    expect(hammingDistance({ high: 0x80000001, low: 0 }, { high: 0, low: 0x10 })).toBe(3);
  });
});
