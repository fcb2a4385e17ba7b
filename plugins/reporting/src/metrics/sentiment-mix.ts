import type { JsonObject } from '@sbss/sdk';
import { type SentimentLabel, sentimentOf } from './mention-fields.js';

export interface SentimentMix {
  positive: number;
  neutral: number;
  negative: number;
  unscored: number;
  /** Negative share of scored mentions, 0..1. */
  negativeShare: number;
  /** (positive − negative) / scored × 100: −100 (all negative) to +100 (all positive). */
  netSentiment: number;
}

export function emptyCounts(): Record<SentimentLabel, number> {
  return { positive: 0, neutral: 0, negative: 0, unscored: 0 };
}

export function mixOf(counts: Record<SentimentLabel, number>): SentimentMix {
  const scored = counts.positive + counts.neutral + counts.negative;
  return {
    ...counts,
    negativeShare: scored === 0 ? 0 : round(counts.negative / scored, 4),
    netSentiment: scored === 0 ? 0 : round(((counts.positive - counts.negative) / scored) * 100, 1),
  };
}

export function sentimentMix(records: JsonObject[]): SentimentMix {
  const counts = emptyCounts();
  for (const record of records) counts[sentimentOf(record)] += 1;
  return mixOf(counts);
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
