import { defineNode, type Item, type JsonObject, type NodeContext, z } from '@sbss/sdk';
import { checkNegativeShare, checkVolume, type SpikeCheck } from '../spike/evaluate.js';
import { spikeMessage } from '../spike/message.js';
import { fillWindow, spikeWindow } from '../spike/series.js';

const params = z.object({
  collection: z.string().min(1).default('mentions').describe('Workspace collection to watch'),
  where: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .describe('Only records whose top-level fields equal these values, e.g. { "brand": "Acme" }'),
  metrics: z
    .array(z.enum(['volume', 'negativeShare']))
    .min(1)
    .default(['volume', 'negativeShare'])
    .describe('What to watch'),
  bucket: z.enum(['hour', 'day']).default('hour').describe('Bucket size; the last complete bucket is tested'),
  baselineBuckets: z
    .number()
    .int()
    .min(3)
    .max(500)
    .default(24)
    .describe('Buckets before it that form the baseline'),
  minBaselineBuckets: z
    .number()
    .int()
    .min(1)
    .default(6)
    .describe('Baseline buckets with mentions needed before anything alerts'),
  alpha: z.number().gt(0).max(1).default(0.3).describe('EWMA smoothing: higher follows recent buckets more'),
  zThreshold: z.number().positive().default(3).describe('Standard deviations from the baseline that alert'),
  minVolume: z
    .number()
    .int()
    .min(0)
    .default(10)
    .describe('Mentions the tested bucket needs for a volume alert'),
  minNegative: z
    .number()
    .int()
    .min(0)
    .default(5)
    .describe('Negative mentions it needs for a negative-share alert'),
  direction: z
    .enum(['up', 'both'])
    .default('up')
    .describe('`both` alerts on volume drops too (a feed gone quiet)'),
  language: z.enum(['en', 'zh-Hans', 'zh-Hant']).default('en').describe('Language of the alert message'),
  sampleLimit: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(10_000)
    .describe('Most records read for sentiment'),
});

const check = z.object({ metric: z.enum(['volume', 'negativeShare']), triggered: z.boolean() }).loose();

export const spikeNode = defineNode({
  id: 'spike',
  title: { en: 'Spike alert', 'zh-Hans': '异常波动告警', 'zh-Hant': '異常波動告警' },
  description: {
    en: 'Alerts when mention volume or negative share departs from its recent baseline (EWMA z-score).',
    'zh-Hans': '声量或负面占比偏离近期基线时告警（EWMA z 分数）。',
    'zh-Hant': '聲量或負面佔比偏離近期基線時告警（EWMA z 分數）。',
  },
  category: 'reporting',
  params,
  outputs: {
    alert: { schema: check, title: { en: 'Alert', 'zh-Hans': '告警', 'zh-Hant': '告警' } },
    quiet: { schema: check, title: { en: 'No alert', 'zh-Hans': '无告警', 'zh-Hant': '無告警' } },
  },
  async run(ctx) {
    const p = ctx.params;
    const window = spikeWindow(ctx.now(), p.bucket, p.baselineBuckets);
    const filter = { since: window.since, until: window.until, ...(p.where ? { where: p.where } : {}) };
    const rows = await ctx.data.aggregate(p.collection, { ...filter, bucket: p.bucket });
    const records = p.metrics.includes('negativeShare')
      ? await ctx.data.query(p.collection, {
          ...filter,
          limit: p.sampleLimit,
          orderBy: 'createdAt',
          desc: true,
        })
      : [];
    const buckets = fillWindow(window, p.bucket, rows, records);
    const start = buckets.at(-1)?.start ?? window.until;
    const tested = { start, end: window.until, size: p.bucket };

    const alert: Item[] = [];
    const quiet: Item[] = [];
    for (const metric of p.metrics) {
      const result = metric === 'volume' ? checkVolume(buckets, p) : checkNegativeShare(buckets, p);
      const moved = result.status === 'spike' || result.status === 'drop';
      const repeat = moved && (await alreadyAlerted(ctx, metric, start));
      const item: JsonObject = {
        ...toJson(result),
        triggered: moved && !repeat,
        ...(repeat ? { suppressed: 'already alerted for this bucket by an earlier execution' } : {}),
        bucket: tested,
        threshold: p.zThreshold,
        method: `EWMA z-score (alpha ${p.alpha}, ${p.baselineBuckets} ${p.bucket}s)`,
        message: spikeMessage(result, start, p.bucket, p.language),
      };
      (moved && !repeat ? alert : quiet).push(item);
    }
    return { alert, quiet };
  },
});

/**
 * One alert per metric and bucket, so a workflow scheduled every few minutes does not page the
 * team again for the same hour. A replay of the execution that raised it alerts again: its
 * notification step may not have run yet.
 */
async function alreadyAlerted(
  ctx: Pick<NodeContext, 'executionId' | 'state'>,
  metric: string,
  start: string,
): Promise<boolean> {
  const key = `alerted:${metric}`;
  const last = await ctx.state.get<JsonObject>(key);
  if (last?.bucket === start && last.executionId !== ctx.executionId) return true;
  await ctx.state.set(key, { bucket: start, executionId: ctx.executionId });
  return false;
}

function toJson(check: SpikeCheck): JsonObject {
  return { ...check, baseline: { ...check.baseline } };
}
