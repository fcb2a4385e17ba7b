import { defineNode, type Item, z } from '@sbss/sdk';
import {
  type AggregateResult,
  aggregateResultSchema,
  type MetricName,
  metricNames,
} from '../metrics/aggregate-result.js';
import { caseMetrics } from '../metrics/case-metrics.js';
import { rangeParams } from '../metrics/range-params.js';
import { sentimentMix } from '../metrics/sentiment-mix.js';
import { shareOfVoice } from '../metrics/share-of-voice.js';
import { previousRange, resolveRange } from '../metrics/time-range.js';
import { topAuthors, topTopics } from '../metrics/top-lists.js';
import { trend } from '../metrics/trend.js';

// Metrics the store cannot count by itself: they read the records.
const recordMetrics: MetricName[] = ['sentiment', 'shareOfVoice', 'topAuthors', 'topTopics', 'trend'];

const params = z.object({
  ...rangeParams,
  bucket: z
    .enum(['hour', 'day', 'week'])
    .default('day')
    .describe('Trend granularity (UTC; weeks start on Monday)'),
  metrics: z
    .array(z.enum(metricNames))
    .min(1)
    .default(['volume', 'sentiment', 'shareOfVoice', 'topAuthors', 'topTopics', 'trend'])
    .describe('Metrics to compute; `cases` reads CRM cases for response times and SLA attainment'),
  voiceField: z
    .string()
    .min(1)
    .default('brand')
    .describe('Field naming the brand or keyword group of a mention, e.g. `brand` or `matches`'),
  voiceGroups: z
    .array(z.string().min(1))
    .optional()
    .describe('Brands or keyword groups to compare, in this order; others are left out'),
  topN: z.number().int().min(1).max(100).default(10).describe('Rows in the top authors and topics lists'),
  casesCollection: z.string().min(1).default('cases').describe('Collection holding CRM cases'),
});

export const aggregateNode = defineNode({
  id: 'aggregate',
  title: { en: 'Aggregate metrics', 'zh-Hans': '数据汇总', 'zh-Hant': '數據匯總' },
  description: {
    en: 'Volume, sentiment mix, share of voice, top authors and topics, trend and case SLA attainment over a time range.',
    'zh-Hans': '统计时间范围内的声量、情感分布、声量份额、头部作者与话题、趋势及工单 SLA 达成率。',
    'zh-Hant': '統計時間範圍內的聲量、情感分佈、聲量份額、頭部作者與話題、趨勢及工單 SLA 達成率。',
  },
  category: 'reporting',
  params,
  outputs: { main: { schema: aggregateResultSchema } },
  async run(ctx) {
    const p = ctx.params;
    const wants = new Set(p.metrics);
    const range = resolveRange(p, ctx.now());
    const filter = { ...range, ...(p.where ? { where: p.where } : {}) };
    const needsRecords = recordMetrics.some((metric) => wants.has(metric));

    const [total] = await ctx.data.aggregate(p.collection, filter);
    const records = needsRecords
      ? await ctx.data.query(p.collection, {
          ...filter,
          limit: p.sampleLimit,
          orderBy: 'createdAt',
          desc: true,
        })
      : [];
    const volume = total?.count ?? 0;
    const mentions = records.map((record) => record.data);
    const result: AggregateResult = {
      kind: 'reporting.aggregate',
      collection: p.collection,
      period: { ...range, bucket: p.bucket },
      sample: { read: records.length, complete: records.length >= volume },
    };

    if (wants.has('volume')) {
      const previousFilter = { ...filter, ...previousRange(range) };
      const previous = (await ctx.data.aggregate(p.collection, previousFilter))[0]?.count ?? 0;
      const change = previous === 0 ? null : Math.round(((volume - previous) / previous) * 10_000) / 10_000;
      result.volume = { total: volume, previous, change };
    }
    if (wants.has('sentiment')) result.sentiment = sentimentMix(mentions);
    if (wants.has('shareOfVoice')) {
      result.shareOfVoice = {
        field: p.voiceField,
        groups: shareOfVoice(mentions, p.voiceField, p.voiceGroups),
      };
    }
    if (wants.has('topAuthors')) result.topAuthors = topAuthors(mentions, p.topN);
    if (wants.has('topTopics')) result.topTopics = topTopics(mentions, p.topN);
    if (wants.has('trend')) {
      const rows = await ctx.data.aggregate(p.collection, { ...filter, bucket: p.bucket });
      result.trend = trend(range, p.bucket, rows, records);
    }
    if (wants.has('cases')) {
      const cases = await ctx.data.query(p.casesCollection, { ...range, limit: p.sampleLimit });
      result.cases = { collection: p.casesCollection, ...caseMetrics(cases, ctx.now()) };
    }
    if (!result.sample.complete) {
      ctx.log.warn(
        `Read the newest ${records.length} of ${volume} records; raise sampleLimit or narrow the range`,
      );
    }
    return [result as unknown as Item];
  },
});
