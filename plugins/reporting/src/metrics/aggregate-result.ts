import { z } from '@sbss/sdk';

const mix = {
  positive: z.number(),
  neutral: z.number(),
  negative: z.number(),
  unscored: z.number(),
  negativeShare: z.number(),
  netSentiment: z.number(),
};

const duration = z.object({
  count: z.number(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  meanMinutes: z.number().nullable(),
});

/**
 * What `reporting/aggregate@1` emits and `reporting/render@1` reads: one item per run.
 * Each metric is present only when it was asked for.
 */
export const aggregateResultSchema = z.object({
  kind: z.literal('reporting.aggregate'),
  collection: z.string(),
  period: z.object({ since: z.string(), until: z.string(), bucket: z.enum(['hour', 'day', 'week']) }),
  /** Records read for the sentiment, voice, author and topic metrics, of `volume.total`. */
  sample: z.object({ read: z.number(), complete: z.boolean() }),
  volume: z.object({ total: z.number(), previous: z.number(), change: z.number().nullable() }).optional(),
  sentiment: z.object(mix).optional(),
  shareOfVoice: z
    .object({
      field: z.string(),
      groups: z.array(z.object({ group: z.string(), count: z.number(), share: z.number(), ...mix })),
    })
    .optional(),
  topAuthors: z
    .array(
      z.object({
        name: z.string(),
        source: z.string(),
        followers: z.number().nullable(),
        influence: z.number().nullable(),
        mentions: z.number(),
        negative: z.number(),
      }),
    )
    .optional(),
  topTopics: z
    .array(z.object({ topic: z.string(), count: z.number(), share: z.number(), negative: z.number() }))
    .optional(),
  trend: z.array(z.object({ bucket: z.string(), count: z.number(), negative: z.number() })).optional(),
  cases: z
    .object({
      collection: z.string(),
      total: z.number(),
      byStatus: z.record(z.string(), z.number()),
      firstResponse: duration,
      resolution: duration,
      sla: z.object({
        met: z.number(),
        breached: z.number(),
        pending: z.number(),
        untracked: z.number(),
        attainment: z.number().nullable(),
      }),
    })
    .optional(),
});

export type AggregateResult = z.output<typeof aggregateResultSchema>;

export const metricNames = [
  'volume',
  'sentiment',
  'shareOfVoice',
  'topAuthors',
  'topTopics',
  'trend',
  'cases',
] as const;
export type MetricName = (typeof metricNames)[number];
