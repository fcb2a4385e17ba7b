import { describe, expect, it } from 'vitest';
import { countFloor, ewmaBaseline, shareFloor, zScore } from './ewma-baseline.js';

describe('EWMA baseline', () => {
  it('has the constant as mean and no spread for a constant series', () => {
    expect(ewmaBaseline([5, 5, 5, 5], 0.3)).toEqual({ mean: 5, std: 0, buckets: 4 });
  });

  it('weighs recent buckets more than old ones', () => {
    const rising = ewmaBaseline([10, 10, 10, 20, 20], 0.5);
    expect(rising.mean).toBeCloseTo(17.5);
    expect(rising.mean).toBeGreaterThan((10 * 3 + 20 * 2) / 5);
  });

  it('matches the incremental weighted variance of Finch (2009) step by step', () => {
    // By hand, α = 0.5: 2 → mean 3, var 1; then 6 → mean 4.5, var 0.5·(1 + 0.5·9) = 2.75.
    const baseline = ewmaBaseline([2, 4, 6], 0.5);
    expect(baseline.mean).toBeCloseTo(4.5);
    expect(baseline.std).toBeCloseTo(Math.sqrt(2.75));
  });

  it('is empty for no buckets', () => {
    expect(ewmaBaseline([], 0.3)).toEqual({ mean: 0, std: 0, buckets: 0 });
  });

  it('keeps a flat baseline from turning one extra mention into a huge departure', () => {
    const flat = ewmaBaseline([0, 0, 0, 0], 0.3);
    expect(zScore(1, flat, countFloor(flat.mean)).z).toBe(1);
    expect(zScore(1, flat, 0).z).toBeGreaterThan(1e10);
  });

  it('floors a share by its binomial standard error at the current volume', () => {
    expect(shareFloor(0.1, 100)).toBeCloseTo(0.03);
    expect(shareFloor(0, 100)).toBeCloseTo(Math.sqrt(0.0099 / 100));
  });
});
