import { defineNode, type Item, withFields, z } from '@sbss/sdk';

const weight = (fallback: number, what: string) => z.number().min(0).default(fallback).describe(what);

const paramsSchema = z.object({
  reachWeight: weight(0.5, 'Share of the score from the author’s followers'),
  engagementWeight: weight(0.35, 'Share of the score from likes, comments, shares and views'),
  verifiedWeight: weight(0.15, 'Share of the score from a verified account'),
  followersCeiling: z
    .number()
    .positive()
    .default(10_000_000)
    .describe('Followers at which reach is full; below it reach grows with the logarithm'),
  engagementCeiling: z
    .number()
    .positive()
    .default(100_000)
    .describe('Weighted interactions at which engagement is full, on the same log scale'),
  likes: weight(1, 'Interactions one like counts as'),
  comments: weight(2, 'Interactions one comment counts as: it takes more effort than a like'),
  shares: weight(3, 'Interactions one share counts as: it carries the mention to new readers'),
  views: weight(0.01, 'Interactions one view counts as'),
});

type InfluenceParams = z.output<typeof paramsSchema>;

/** 0 at nothing, 1 at the ceiling: log10(1 + x) / log10(1 + ceiling), so 10x more adds a step. */
const logShare = (value: number, ceiling: number) =>
  Math.min(1, Math.log10(1 + Math.max(0, value)) / Math.log10(1 + ceiling));

const numberAt = (record: unknown, key: string): number => {
  const value = (record as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

export function influenceOf(item: Item, p: InfluenceParams) {
  const { author, metrics } = item;
  const interactions =
    numberAt(metrics, 'likes') * p.likes +
    numberAt(metrics, 'comments') * p.comments +
    numberAt(metrics, 'shares') * p.shares +
    numberAt(metrics, 'views') * p.views;
  const reach = logShare(numberAt(author, 'followers'), p.followersCeiling);
  const engagement = logShare(interactions, p.engagementCeiling);
  const verified = (author as Record<string, unknown> | undefined)?.verified === true ? 1 : 0;
  const total = p.reachWeight + p.engagementWeight + p.verifiedWeight;
  const blended =
    total === 0
      ? 0
      : (p.reachWeight * reach + p.engagementWeight * engagement + p.verifiedWeight * verified) / total;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    influence: Math.round(blended * 1000) / 10,
    influenceFactors: { reach: round(reach), engagement: round(engagement), verified },
  };
}

export const influence = defineNode({
  id: 'influence',
  title: { en: 'Influence', 'zh-Hans': '影响力', 'zh-Hant': '影響力' },
  description: {
    en: 'Scores author reach and engagement from 0 to 100: a weighted blend of log-scaled followers, log-scaled weighted interactions and verification.',
    'zh-Hans': '按作者粉丝数、互动量（对数刻度）和认证状态加权，给出 0–100 的影响力分数。',
    'zh-Hant': '按作者粉絲數、互動量（對數刻度）和認證狀態加權，給出 0–100 的影響力分數。',
  },
  category: 'scoring',
  reads: ['author', 'metrics'],
  params: paramsSchema,
  run: (ctx) => (ctx.input.main ?? []).map((item) => withFields(item, influenceOf(item, ctx.params))),
});
