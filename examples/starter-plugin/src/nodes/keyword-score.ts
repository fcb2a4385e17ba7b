import { defineNode, withFields, z } from '@sbss/sdk';

const mention = z.object({ text: z.string() }).passthrough();

/** Scores each mention's text against a lexicon of weighted words. */
export const keywordScoreNode = defineNode({
  id: 'keyword-score',
  title: { en: 'Keyword score', 'zh-Hans': '关键词评分', 'zh-Hant': '關鍵詞評分' },
  description: { en: 'Adds a score: the sum of the weights of lexicon words found in the text.' },
  category: 'scoring',
  params: z.object({
    lexicon: z
      .record(z.string(), z.number())
      .default({ great: 2, love: 2, good: 1, bad: -1, broken: -2, refund: -2 })
      .describe('Word → weight; matching ignores case'),
    field: z.string().default('score').describe('Field the score is written to'),
  }),
  inputs: { main: { schema: mention } },
  outputs: { main: { schema: mention.extend({ score: z.number() }) } },
  run(ctx) {
    const { lexicon, field } = ctx.params;
    const weights = new Map(Object.entries(lexicon).map(([word, weight]) => [word.toLowerCase(), weight]));
    return (ctx.input.main ?? []).map((item) => {
      const words = String(item.text ?? '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
      const score = words.reduce((sum, word) => sum + (weights.get(word) ?? 0), 0);
      return withFields(item, { [field]: score });
    });
  },
});
