import { defineNode, type Item, type JsonValue, withFields, z } from '@sbss/sdk';
import { mentionText } from '../mention-text.js';
import { countLinks, fingerprint } from '../spam/fingerprint.js';

/** How much each reason counts towards the spam score; the threshold decides. */
const REASON_WEIGHTS = { 'duplicate-burst': 0.5, 'link-farm': 0.4, 'zero-followers': 0.3 } as const;
type ReasonCode = keyof typeof REASON_WEIGHTS;

const RECENT_KEY = 'recent-fingerprints';
/** Bounds the state kept between executions: enough for a busy hour of one monitor. */
const MAX_RECENT = 20_000;

const paramsSchema = z.object({
  duplicateMin: z
    .number()
    .int()
    .min(2)
    .default(3)
    .describe('The same text this many times within the window is a burst'),
  windowMinutes: z.number().positive().default(60).describe('How far back earlier executions count'),
  maxLinks: z.number().int().min(1).default(3).describe('A mention with this many links is a link farm'),
  flagZeroFollowers: z.boolean().default(true).describe('Count accounts with no followers as a sign'),
  threshold: z
    .number()
    .min(0)
    .default(0.5)
    .describe('Spam score at which a mention is spam (duplicate 0.5, links 0.4, no followers 0.3)'),
});

type Recent = [string, number][];

function followersOf(item: Item): number | undefined {
  const followers = (item.author as Record<string, unknown> | undefined)?.followers;
  return typeof followers === 'number' ? followers : undefined;
}

export const spam = defineNode({
  id: 'spam',
  title: { en: 'Spam and bots', 'zh-Hans': '垃圾与水军', 'zh-Hant': '垃圾與水軍' },
  description: {
    en: 'Flags spam and bot posts: bursts of the same text, link farms, accounts with no followers. Every reason is listed.',
    'zh-Hans': '识别垃圾信息和水军：同一文本集中刷屏、链接农场、零粉丝账号，并列出每条理由。',
    'zh-Hant': '識別垃圾訊息和水軍：同一文本集中洗版、連結農場、零粉絲帳號，並列出每條理由。',
  },
  category: 'scoring',
  reads: ['text', 'title', 'author'],
  params: paramsSchema,
  async run(ctx) {
    const { duplicateMin, windowMinutes, maxLinks, flagZeroFollowers, threshold } = ctx.params;
    const items = ctx.input.main ?? [];
    const now = ctx.now().getTime();
    const since = now - windowMinutes * 60_000;
    const recent = ((await ctx.state.get<Recent>(RECENT_KEY)) ?? []).filter(([, at]) => at >= since);
    const counts = new Map<string, number>();
    for (const [print] of recent) counts.set(print, (counts.get(print) ?? 0) + 1);
    const prints = items.map((item) => fingerprint(mentionText(item)));
    for (const print of prints) if (print) counts.set(print, (counts.get(print) ?? 0) + 1);

    const output = items.map((item, index) => {
      const reasons: { code: ReasonCode; detail: string }[] = [];
      const copies = counts.get(prints[index] ?? '') ?? 0;
      if (prints[index] && copies >= duplicateMin) {
        reasons.push({
          code: 'duplicate-burst',
          detail: `same text ${copies} times within ${windowMinutes} min`,
        });
      }
      const links = countLinks(mentionText(item));
      if (links >= maxLinks) reasons.push({ code: 'link-farm', detail: `${links} links` });
      if (flagZeroFollowers && followersOf(item) === 0) {
        reasons.push({ code: 'zero-followers', detail: 'the author has no followers' });
      }
      const score = Math.min(
        1,
        reasons.reduce((sum, reason) => sum + REASON_WEIGHTS[reason.code], 0),
      );
      return withFields(item, { spam: { isSpam: score >= threshold, score, reasons } });
    });

    const remembered: Recent = [
      ...recent,
      ...prints.filter(Boolean).map((print): [string, number] => [print, now]),
    ];
    await ctx.state.set(RECENT_KEY, remembered.slice(-MAX_RECENT) as JsonValue);
    return output;
  },
});
