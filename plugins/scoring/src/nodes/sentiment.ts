import { defineNode, withFields, z } from '@sbss/sdk';
import { mentionLang, mentionText } from '../mention-text.js';
import { analyzeSentiment } from '../sentiment/analyze.js';
import { loadCustomModel, MODELS_COLLECTION } from '../sentiment/custom-models.js';

export const sentimentSchema = z.object({
  label: z.enum(['positive', 'negative', 'neutral']),
  score: z.number().min(-1).max(1),
  confidence: z.number().min(0).max(1),
});

export const sentiment = defineNode({
  id: 'sentiment',
  title: { en: 'Sentiment', 'zh-Hans': '情感分析', 'zh-Hant': '情感分析' },
  description: {
    en: 'Adds sentiment (positive, negative or neutral, a score from -1 to 1 and a confidence) to Chinese (Simplified and Traditional) and English mentions.',
    'zh-Hans': '为中文（简体、繁体）和英文提及添加情感：正面、负面或中性，-1 到 1 的分数和置信度。',
    'zh-Hant': '為中文（簡體、繁體）和英文提及添加情感：正面、負面或中性，-1 到 1 的分數和信心度。',
  },
  category: 'scoring',
  reads: ['text', 'title', 'lang'],
  params: z.object({
    neutralBand: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe('Scores closer to zero than this are labelled neutral'),
    model: z.string().default('').meta({
      widget: 'collection-key',
      collection: MODELS_COLLECTION,
      description: 'A model trained with scoring/train-sentiment; empty uses only the built-in model',
    }),
    modelWeight: z
      .number()
      .min(0)
      .max(5)
      .default(1)
      .describe('How much the trained model counts beside the built-in one'),
  }),
  async run(ctx) {
    const { neutralBand, model, modelWeight } = ctx.params;
    const custom = model ? await loadCustomModel(ctx.data, model) : undefined;
    const options = { neutralBand, custom, customWeight: modelWeight };
    const items = ctx.input.main ?? [];
    const scored = items.map((item) =>
      withFields(item, { sentiment: { ...analyzeSentiment(mentionText(item), mentionLang(item), options) } }),
    );
    const unread = items.filter((item) => mentionText(item).trim() === '').length;
    if (unread > 0) {
      const message = `${unread} of ${items.length} items have no text or title to score: neutral, confidence 0`;
      ctx.log.warn(message, { unread });
    }
    return scored;
  },
});
