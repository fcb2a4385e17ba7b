import type { JsonObject } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { aggregateResultSchema } from '../metrics/aggregate-result.js';
import { mention } from '../testing/mentions.test-support.js';
import { type Seed, seededData, withData } from '../testing/seeded-data.test-support.js';
import { aggregateNode } from './aggregate.js';

const now = new Date('2025-03-10T12:00:00Z');

async function aggregate(seeds: Record<string, Seed[]>, params: object) {
  const { output, logs } = await runNode(withData(aggregateNode, seededData(seeds)), { params, now });
  return { result: aggregateResultSchema.parse(output.main?.[0]), logs };
}

const week = [
  mention({
    at: '2025-03-09T08:00:00Z',
    brand: 'Acme',
    sentiment: 'negative',
    author: 'kol',
    followers: 90_000,
    influence: 88,
    topics: ['delivery'],
  }),
  mention({
    at: '2025-03-09T09:00:00Z',
    brand: 'Acme',
    sentiment: 'negative',
    author: 'kol',
    followers: 90_000,
    influence: 91,
    topics: ['delivery', 'refund'],
  }),
  mention({
    at: '2025-03-08T10:00:00Z',
    brand: 'Acme',
    sentiment: 'positive',
    author: 'fan',
    influence: 20,
    topics: ['price'],
  }),
  mention({
    at: '2025-03-06T10:00:00Z',
    brand: 'Globex',
    sentiment: 'neutral',
    author: 'critic',
    influence: 60,
    topics: ['delivery'],
  }),
  mention({ at: '2025-03-05T10:00:00Z', brand: ['Acme', 'Globex'], sentiment: null, author: 'anon' }),
];
const earlier = [
  mention({ at: '2025-03-01T10:00:00Z', brand: 'Acme', sentiment: 'positive' }),
  mention({ at: '2025-03-02T10:00:00Z', brand: 'Acme', sentiment: 'positive' }),
];

describe('reporting/aggregate@1', () => {
  it('counts the last week of mentions and compares them with the week before', async () => {
    const { result } = await aggregate({ mentions: [...week, ...earlier] }, {});
    expect(result.period).toEqual({
      since: '2025-03-03T12:00:00.000Z',
      until: '2025-03-10T12:00:00.000Z',
      bucket: 'day',
    });
    expect(result.volume).toEqual({ total: 5, previous: 2, change: 1.5 });
    expect(result.sentiment).toMatchObject({
      positive: 1,
      neutral: 1,
      negative: 2,
      unscored: 1,
      negativeShare: 0.5,
      netSentiment: -25,
    });
  });

  it('splits share of voice by brand, counting a mention that names two brands for each', async () => {
    const { result } = await aggregate({ mentions: week }, {});
    expect(result.shareOfVoice?.groups.map(({ group, count, share }) => [group, count, share])).toEqual([
      ['Acme', 4, 0.6667],
      ['Globex', 2, 0.3333],
    ]);
    expect(result.shareOfVoice?.groups[0]).toMatchObject({ negative: 2, positive: 1, netSentiment: -33.3 });
  });

  it('compares only the chosen keyword groups of the monitor node, in the chosen order', async () => {
    const seeds = week.map((seed, index): Seed => {
      const matches: JsonObject =
        index % 2 ? { competitor: ['Globex'] } : { brand: ['Acme'], crisis: ['recall'] };
      return { ...seed, data: { ...seed.data, matches } };
    });
    const { result } = await aggregate(
      { mentions: seeds },
      { voiceField: 'matches', voiceGroups: ['competitor', 'brand'] },
    );
    expect(result.shareOfVoice?.groups.map(({ group, count }) => [group, count])).toEqual([
      ['competitor', 2],
      ['brand', 3],
    ]);
  });

  it('ranks authors by their highest influence and topics by mentions', async () => {
    const { result } = await aggregate({ mentions: week }, { topN: 2 });
    expect(result.topAuthors).toEqual([
      { name: 'kol', source: 'weibo', followers: 90_000, influence: 91, mentions: 2, negative: 2 },
      { name: 'critic', source: 'weibo', followers: 100, influence: 60, mentions: 1, negative: 0 },
    ]);
    expect(result.topTopics).toEqual([
      { topic: 'delivery', count: 3, share: 0.6, negative: 2 },
      { topic: 'price', count: 1, share: 0.2, negative: 0 },
    ]);
  });

  it('draws a daily trend with quiet days as zero and negatives per day', async () => {
    const { result } = await aggregate(
      { mentions: week },
      { since: '2025-03-05T00:00:00Z', until: '2025-03-10T00:00:00Z' },
    );
    expect(result.trend).toEqual([
      { bucket: '2025-03-05T00:00:00.000Z', count: 1, negative: 0 },
      { bucket: '2025-03-06T00:00:00.000Z', count: 1, negative: 0 },
      { bucket: '2025-03-07T00:00:00.000Z', count: 0, negative: 0 },
      { bucket: '2025-03-08T00:00:00.000Z', count: 1, negative: 0 },
      { bucket: '2025-03-09T00:00:00.000Z', count: 2, negative: 2 },
    ]);
  });

  it('filters by top-level fields and leaves out metrics that were not asked for', async () => {
    const { result } = await aggregate(
      { mentions: week },
      { where: { brand: 'Globex' }, metrics: ['volume'] },
    );
    expect(result.volume?.total).toBe(1);
    expect(result.sentiment).toBeUndefined();
    expect(result.sample.read).toBe(0);
  });

  it('warns when the records read are capped below the volume', async () => {
    const { result, logs } = await aggregate({ mentions: week }, { sampleLimit: 2 });
    expect(result.sample).toEqual({ read: 2, complete: false });
    expect(result.volume?.total).toBe(5);
    expect(logs.some((line) => line.level === 'warn' && line.message.includes('2 of 5'))).toBe(true);
  });

  it('measures first response and SLA attainment of the CRM cases opened in the range', async () => {
    const opened = '2025-03-09T00:00:00.000Z';
    const at = (minutes: number) => new Date(Date.parse(opened) + minutes * 60_000).toISOString();
    const caseSeed = (data: Record<string, string>): Seed => ({
      data: { createdAt: opened, ...data },
      createdAt: opened,
    });
    const cases = [
      caseSeed({ status: 'resolved', slaDueAt: at(120), firstResponseAt: at(30), resolvedAt: at(300) }),
      caseSeed({ status: 'resolved', slaDueAt: at(120), firstResponseAt: at(150), resolvedAt: at(600) }),
      caseSeed({ status: 'open', slaDueAt: at(60) }),
      caseSeed({ status: 'pending', slaDueAt: at(24 * 60), firstResponseAt: at(90) }),
      caseSeed({ status: 'open', slaDueAt: '2025-03-10T13:00:00.000Z' }),
      caseSeed({ status: 'open' }),
    ];
    const { result } = await aggregate({ cases }, { metrics: ['cases'] });
    expect(result.cases).toEqual({
      collection: 'cases',
      total: 6,
      byStatus: { resolved: 2, open: 3, pending: 1 },
      firstResponse: { count: 3, medianMinutes: 90, p90Minutes: 138, meanMinutes: 90 },
      resolution: { count: 2, medianMinutes: 450, p90Minutes: 570, meanMinutes: 450 },
      sla: { met: 2, breached: 2, pending: 1, untracked: 1, attainment: 0.5 },
    });
  });

  it('refuses a range whose start is not before its end', async () => {
    await expect(
      aggregate({}, { since: '2025-03-10T00:00:00Z', until: '2025-03-09T00:00:00Z' }),
    ).rejects.toThrow(/since/);
  });
});
