import type { JsonValue } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { hourOf } from '../testing/mentions.test-support.js';
import { type Seed, seededData, withData } from '../testing/seeded-data.test-support.js';
import { spikeNode } from './spike.js';

// Tested bucket: 11:00–12:00 UTC; the baseline is the 24 hours before it.
const now = new Date('2025-03-10T12:20:00Z');
const hour = (offset: number) =>
  new Date(Date.parse('2025-03-10T11:00:00Z') + offset * 3_600_000).toISOString();
const steady = [9, 11, 10, 12, 8, 10, 11, 9, 10, 12, 10, 9, 11, 10, 8, 12, 10, 11, 9, 10, 10, 11, 9, 10];

/** 24 baseline hours of `counts`, one in ten negative, then `current` in the tested hour. */
function history(current: number, negatives = 1, counts = steady): Seed[] {
  const baseline = counts.flatMap((count, index) =>
    hourOf(hour(index - counts.length), count, (i) => ({
      brand: 'Acme',
      sentiment: i === 0 ? 'negative' : 'neutral',
    })),
  );
  const tested = hourOf(hour(0), current, (i) => ({
    brand: 'Acme',
    sentiment: i < negatives ? 'negative' : 'neutral',
  }));
  return [...baseline, ...tested];
}

async function spike(
  mentions: Seed[],
  params: object = {},
  options: { state?: Record<string, JsonValue>; executionId?: string } = {},
) {
  return runNode(withData(spikeNode, seededData({ mentions })), { params, now, ...options });
}

describe('reporting/spike@1', () => {
  it('alerts on a volume spike with the numbers that triggered it', async () => {
    const { output } = await spike(history(60, 6), { metrics: ['volume'] });
    expect(output.quiet).toEqual([]);
    const [alert] = output.alert ?? [];
    expect(alert).toMatchObject({
      metric: 'volume',
      status: 'spike',
      triggered: true,
      value: 60,
      bucket: { start: '2025-03-10T11:00:00.000Z', end: '2025-03-10T12:00:00.000Z', size: 'hour' },
      baseline: { buckets: 24, nonEmpty: 24 },
      threshold: 3,
    });
    expect(alert?.z).toBeGreaterThan(10);
    expect(alert?.message).toMatch(
      /^Mention volume spiked: 60 in the hour from 2025-03-10 11:00 UTC, against a baseline of \d+(\.\d)? ± /,
    );
  });

  it('stays quiet for ordinary hour-to-hour variation', async () => {
    const { output } = await spike(history(13, 1));
    expect(output.alert).toEqual([]);
    expect(output.quiet?.map((item) => [item.metric, item.status])).toEqual([
      ['volume', 'normal'],
      ['negativeShare', 'normal'],
    ]);
  });

  it('alerts when the negative share jumps although volume is ordinary', async () => {
    const { output } = await spike(history(12, 8));
    expect(output.alert?.map((item) => item.metric)).toEqual(['negativeShare']);
    expect(output.alert?.[0]).toMatchObject({ value: 0.6667, count: 12, negative: 8, status: 'spike' });
    expect(output.alert?.[0]?.message).toMatch(/^Negative share rose to 66.7% \(8\/12 scored mentions\)/);
  });

  it('does not alert before the baseline has enough buckets with mentions', async () => {
    const { output } = await spike(
      history(80, 1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 6, 5]),
    );
    expect(output.alert).toEqual([]);
    expect(output.quiet?.[0]).toMatchObject({ metric: 'volume', status: 'insufficient-baseline', z: null });
  });

  it('does not call a handful of mentions a spike, however quiet the baseline', async () => {
    const { output } = await spike(history(6, 0, Array(24).fill(1)), { metrics: ['volume'] });
    expect(output.quiet?.[0]).toMatchObject({ status: 'below-minimum', triggered: false });
  });

  it('ignores the hour still filling up', async () => {
    const filling = hourOf('2025-03-10T12:00:00Z', 500, { brand: 'Acme', sentiment: 'negative' });
    const { output } = await spike([...history(10, 1), ...filling]);
    expect(output.alert).toEqual([]);
  });

  it('alerts on a volume drop only when asked to watch both directions', async () => {
    const quietFeed = history(0, 0);
    expect((await spike(quietFeed, { metrics: ['volume'] })).output.alert).toEqual([]);
    const { output } = await spike(quietFeed, {
      metrics: ['volume'],
      direction: 'both',
      minVolume: 5,
      language: 'zh-Hans',
    });
    expect(output.alert?.[0]).toMatchObject({ status: 'drop', value: 0 });
    expect(output.alert?.[0]?.message).toMatch(/^声量骤降：2025-03-10 11:00 UTC 起的一小时内 0 条/);
  });

  it('alerts once per bucket across executions, but again when the same execution is replayed', async () => {
    const mentions = history(60, 6);
    const first = await spike(mentions, { metrics: ['volume'] }, { executionId: 'run-1' });
    const state = Object.fromEntries(first.state);
    const replay = await spike(mentions, { metrics: ['volume'] }, { executionId: 'run-1', state });
    const later = await spike(mentions, { metrics: ['volume'] }, { executionId: 'run-2', state });
    expect(first.output.alert).toHaveLength(1);
    expect(replay.output.alert).toHaveLength(1);
    expect(later.output.alert).toEqual([]);
    expect(later.output.quiet?.[0]).toMatchObject({
      status: 'spike',
      triggered: false,
      suppressed: expect.any(String),
    });
  });
});
