export type Bucket = 'hour' | 'day' | 'week';

export interface TimeRange {
  since: string;
  until: string;
}

const hourMs = 3_600_000;
export const bucketMs: Record<Bucket, number> = { hour: hourMs, day: 24 * hourMs, week: 7 * 24 * hourMs };
// 1970-01-01 was a Thursday: shifting by four days puts week starts on Mondays, as ctx.data does.
const bucketOffset: Record<Bucket, number> = { hour: 0, day: 0, week: 4 * 24 * hourMs };

/** The range a report covers: explicit bounds win, else the last `lookbackHours` up to now. */
export function resolveRange(
  bounds: { since?: string | undefined; until?: string | undefined; lookbackHours: number },
  now: Date,
): TimeRange {
  const until = bounds.until ? Date.parse(bounds.until) : now.getTime();
  const since = bounds.since ? Date.parse(bounds.since) : until - bounds.lookbackHours * hourMs;
  if (!(since < until)) throw new RangeError('The time range is empty: "since" must come before "until"');
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}

/** The range of the same length just before `range`, for period-over-period change. */
export function previousRange(range: TimeRange): TimeRange {
  const since = Date.parse(range.since);
  const length = Date.parse(range.until) - since;
  return { since: new Date(since - length).toISOString(), until: range.since };
}

/** Start of the UTC bucket holding `time` (ms). */
export function bucketStartMs(time: number, bucket: Bucket): number {
  const size = bucketMs[bucket];
  const offset = bucketOffset[bucket];
  return Math.floor((time - offset) / size) * size + offset;
}

/** Every bucket start that overlaps the range, oldest first, so quiet buckets show as zero. */
export function bucketStarts(range: TimeRange, bucket: Bucket): string[] {
  const starts: string[] = [];
  const until = Date.parse(range.until);
  for (let at = bucketStartMs(Date.parse(range.since), bucket); at < until; at += bucketMs[bucket]) {
    starts.push(new Date(at).toISOString());
  }
  return starts;
}
