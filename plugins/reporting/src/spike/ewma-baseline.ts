export interface Baseline {
  /** Exponentially weighted mean of the baseline buckets. */
  mean: number;
  /** Exponentially weighted standard deviation of the same buckets. */
  std: number;
  buckets: number;
}

/**
 * EWMA mean and variance, oldest value first, with the incremental update of Finch,
 * "Incremental calculation of weighted mean and variance" (2009), §9:
 *   diff = x − mean;  mean += α·diff;  var = (1 − α)·(var + α·diff²)
 * Recent buckets weigh more, so a baseline follows a brand's drift without a spike of last
 * week still inflating it.
 */
export function ewmaBaseline(values: number[], alpha: number): Baseline {
  const [first, ...rest] = values;
  if (first === undefined) return { mean: 0, std: 0, buckets: 0 };
  let mean = first;
  let variance = 0;
  for (const value of rest) {
    const diff = value - mean;
    const increment = alpha * diff;
    mean += increment;
    variance = (1 - alpha) * (variance + diff * increment);
  }
  return { mean, std: Math.sqrt(variance), buckets: values.length };
}

/**
 * How far `value` lies from the baseline in standard deviations. The deviation used is never
 * below `floor`: a flat baseline (0, 0, 0, ...) has no spread, and without a floor one extra
 * mention would read as an infinite departure.
 */
export function zScore(value: number, baseline: Baseline, floor: number): { z: number; scale: number } {
  const scale = Math.max(baseline.std, floor, Number.EPSILON);
  return { z: (value - baseline.mean) / scale, scale };
}

/** Poisson noise of a count with this mean: counts of independent posts vary at least this much. */
export function countFloor(mean: number): number {
  return Math.sqrt(Math.max(mean, 1));
}

/** Binomial standard error of a share `p` measured on `n` mentions. */
export function shareFloor(p: number, n: number): number {
  const clamped = Math.min(Math.max(p, 0.01), 0.99);
  return Math.sqrt((clamped * (1 - clamped)) / Math.max(n, 1));
}
