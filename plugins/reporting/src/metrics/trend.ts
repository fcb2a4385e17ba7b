import type { DataAggregateRow, DataRecord } from '@sbss/sdk';
import { sentimentOf } from './mention-fields.js';
import { type Bucket, bucketStartMs, bucketStarts, type TimeRange } from './time-range.js';

export interface TrendPoint {
  /** Start of the UTC bucket, ISO 8601. */
  bucket: string;
  count: number;
  /** Negative mentions among the records read (all of them unless the read was capped). */
  negative: number;
}

/**
 * Volume per bucket comes from `ctx.data.aggregate` (exact, counted by the store); negatives
 * from the records read, since sentiment is nested and the store groups top-level fields only.
 */
export function trend(
  range: TimeRange,
  bucket: Bucket,
  rows: DataAggregateRow[],
  records: DataRecord[],
): TrendPoint[] {
  const points = new Map(bucketStarts(range, bucket).map((start) => [start, { count: 0, negative: 0 }]));
  for (const row of rows) {
    if (!row.bucket) continue;
    const point = points.get(new Date(Date.parse(row.bucket)).toISOString());
    if (point) point.count += row.count;
  }
  for (const record of records) {
    if (sentimentOf(record.data) !== 'negative') continue;
    const start = new Date(bucketStartMs(Date.parse(record.createdAt), bucket)).toISOString();
    const point = points.get(start);
    if (point) point.negative += 1;
  }
  return [...points].map(([start, point]) => ({ bucket: start, ...point }));
}
