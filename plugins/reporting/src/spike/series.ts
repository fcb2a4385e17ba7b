import type { DataAggregateRow, DataRecord } from '@sbss/sdk';
import { sentimentOf } from '../metrics/mention-fields.js';
import { type Bucket, bucketMs, bucketStartMs } from '../metrics/time-range.js';

export interface BucketCounts {
  start: string;
  count: number;
  /** Mentions with a sentiment, among the records read. */
  scored: number;
  negative: number;
}

export interface Window {
  /** Baseline buckets first, the bucket under test last. */
  buckets: BucketCounts[];
  since: string;
  until: string;
}

/**
 * The window a spike check looks at: the last complete bucket before `now` and the `baseline`
 * buckets before it. The bucket still filling is left out: half an hour of mentions would
 * read as a drop.
 */
export function spikeWindow(now: Date, bucket: Bucket, baseline: number): Window {
  const size = bucketMs[bucket];
  const until = bucketStartMs(now.getTime(), bucket);
  const since = until - (baseline + 1) * size;
  const buckets = Array.from({ length: baseline + 1 }, (_, index) => ({
    start: new Date(since + index * size).toISOString(),
    count: 0,
    scored: 0,
    negative: 0,
  }));
  return { buckets, since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}

/** Fills the window: counts from the store's buckets, sentiment from the records read. */
export function fillWindow(
  window: Window,
  bucket: Bucket,
  rows: DataAggregateRow[],
  records: DataRecord[],
): BucketCounts[] {
  const byStart = new Map(window.buckets.map((entry) => [entry.start, { ...entry }]));
  for (const row of rows) {
    const entry = row.bucket ? byStart.get(new Date(Date.parse(row.bucket)).toISOString()) : undefined;
    if (entry) entry.count += row.count;
  }
  for (const record of records) {
    const start = new Date(bucketStartMs(Date.parse(record.createdAt), bucket)).toISOString();
    const entry = byStart.get(start);
    const label = sentimentOf(record.data);
    if (!entry || label === 'unscored') continue;
    entry.scored += 1;
    if (label === 'negative') entry.negative += 1;
  }
  return [...byStart.values()];
}
