import { type Baseline, countFloor, ewmaBaseline, shareFloor, zScore } from './ewma-baseline.js';
import type { BucketCounts } from './series.js';

export type SpikeMetric = 'volume' | 'negativeShare';
export type SpikeStatus = 'spike' | 'drop' | 'normal' | 'insufficient-baseline' | 'below-minimum';

export interface SpikeRules {
  alpha: number;
  zThreshold: number;
  minBaselineBuckets: number;
  /** Mentions the bucket under test needs before a volume rise counts. */
  minVolume: number;
  /** Negative mentions the bucket under test needs before a share rise counts. */
  minNegative: number;
  /** Volume may alert on drops too (a silent feed); negative share alerts only on rises. */
  direction: 'up' | 'both';
}

export interface SpikeCheck {
  metric: SpikeMetric;
  status: SpikeStatus;
  /** Mentions (volume) or negative share 0..1 in the bucket under test. */
  value: number;
  count: number;
  negative: number;
  baseline: Baseline & { nonEmpty: number };
  z: number | null;
  /** The standard deviation the z-score divided by, after the noise floor. */
  scale: number | null;
  /** Relative change from the baseline mean, or null from a zero mean. */
  change: number | null;
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

export function checkVolume(buckets: BucketCounts[], rules: SpikeRules): SpikeCheck {
  const history = buckets.slice(0, -1).map((entry) => entry.count);
  const current = buckets.at(-1) ?? { count: 0, negative: 0 };
  const nonEmpty = history.filter((count) => count > 0).length;
  const baseline = ewmaBaseline(history, rules.alpha);
  const { z, scale } = zScore(current.count, baseline, countFloor(baseline.mean));
  let status: SpikeStatus = 'normal';
  if (nonEmpty < rules.minBaselineBuckets) status = 'insufficient-baseline';
  else if (z >= rules.zThreshold) status = current.count >= rules.minVolume ? 'spike' : 'below-minimum';
  else if (rules.direction === 'both' && z <= -rules.zThreshold) {
    status = baseline.mean >= rules.minVolume ? 'drop' : 'below-minimum';
  }
  return result('volume', status, current.count, current, { ...baseline, nonEmpty }, z, scale);
}

export function checkNegativeShare(buckets: BucketCounts[], rules: SpikeRules): SpikeCheck {
  const scored = buckets.slice(0, -1).filter((entry) => entry.scored > 0);
  const current = buckets.at(-1) ?? { count: 0, scored: 0, negative: 0 };
  const baseline = ewmaBaseline(
    scored.map((entry) => entry.negative / entry.scored),
    rules.alpha,
  );
  const share = current.scored === 0 ? 0 : current.negative / current.scored;
  const { z, scale } = zScore(share, baseline, shareFloor(baseline.mean, current.scored));
  let status: SpikeStatus = 'normal';
  if (scored.length < rules.minBaselineBuckets) status = 'insufficient-baseline';
  else if (z >= rules.zThreshold) status = current.negative >= rules.minNegative ? 'spike' : 'below-minimum';
  const counts = { count: current.scored, negative: current.negative };
  return result('negativeShare', status, share, counts, { ...baseline, nonEmpty: scored.length }, z, scale);
}

function result(
  metric: SpikeMetric,
  status: SpikeStatus,
  value: number,
  counts: { count: number; negative: number },
  baseline: SpikeCheck['baseline'],
  z: number,
  scale: number,
): SpikeCheck {
  const decided = status !== 'insufficient-baseline';
  return {
    metric,
    status,
    value: round(value),
    count: counts.count,
    negative: counts.negative,
    baseline: { ...baseline, mean: round(baseline.mean), std: round(baseline.std) },
    z: decided ? round(z, 2) : null,
    scale: decided ? round(scale) : null,
    change: baseline.mean === 0 ? null : round((value - baseline.mean) / baseline.mean),
  };
}
