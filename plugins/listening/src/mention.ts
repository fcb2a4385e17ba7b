import { z } from '@sbss/sdk';

/**
 * The Mention item: what every listening node emits and every scoring node reads. Scoring nodes
 * add their fields (sentiment, influence, urgency, leadScore, topics, spam) beside these.
 */
export const mentionSchema = z.object({
  id: z.string().min(1).describe('Stable id within the source (post id, feed guid, row key)'),
  source: z.string().min(1).describe('Where it was said: weibo, zhihu, twitter, rss, csv, ...'),
  url: z.string().optional(),
  author: z.object({
    id: z.string().optional(),
    name: z.string(),
    followers: z.number().int().min(0).optional(),
    verified: z.boolean().optional(),
  }),
  text: z.string(),
  title: z.string().optional(),
  lang: z.string().describe('BCP 47 tag: zh-Hans, zh-Hant, en, ... or "und" when unknown'),
  publishedAt: z.string().describe('ISO 8601 timestamp'),
  metrics: z
    .object({
      likes: z.number().min(0),
      shares: z.number().min(0),
      comments: z.number().min(0),
      views: z.number().min(0),
    })
    .partial()
    .optional(),
  raw: z.record(z.string(), z.unknown()).optional(),
});

export type Mention = z.output<typeof mentionSchema>;
