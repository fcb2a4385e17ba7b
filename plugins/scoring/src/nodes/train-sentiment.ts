import { defineNode, type Item, NodeError, z } from '@sbss/sdk';
import { mentionText } from '../mention-text.js';
import { MODELS_COLLECTION } from '../sentiment/custom-models.js';
import { NaiveBayes } from '../sentiment/naive-bayes.js';
import { type LabelledText, trainNaiveBayes } from '../sentiment/naive-bayes-training.js';

function labelled(items: Item[], labelField: string): LabelledText[] {
  const examples: LabelledText[] = [];
  for (const item of items) {
    const label = item[labelField];
    // Neutral examples say nothing about which way a word leans, so they are left out.
    if (label !== 'positive' && label !== 'negative') continue;
    const text = mentionText(item);
    if (text) examples.push({ text, positive: label === 'positive' });
  }
  return examples;
}

export const trainSentiment = defineNode({
  id: 'train-sentiment',
  title: { en: 'Train sentiment', 'zh-Hans': '训练情感模型', 'zh-Hant': '訓練情感模型' },
  description: {
    en: 'Trains a sentiment model on your labelled mentions (text and a positive or negative label); point scoring/sentiment at it by name.',
    'zh-Hans': '用已标注的提及（文本和正面/负面标签）训练情感模型，在情感分析节点中按名称选用。',
    'zh-Hant': '用已標註的提及（文本和正面／負面標籤）訓練情感模型，在情感分析節點中按名稱選用。',
  },
  category: 'scoring',
  params: z.object({
    model: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
      .describe('Name to store the model under'),
    labelField: z.string().default('label').describe('Item field holding "positive" or "negative"'),
    minCount: z
      .number()
      .int()
      .min(1)
      .default(2)
      .describe('Keep words and pairs seen in at least this many mentions'),
  }),
  async run(ctx) {
    const { model, labelField, minCount } = ctx.params;
    const examples = labelled(ctx.input.main ?? [], labelField);
    const positives = examples.filter((example) => example.positive).length;
    const negatives = examples.length - positives;
    if (positives === 0 || negatives === 0) {
      throw new NodeError(
        'TRAINING_DATA_INSUFFICIENT',
        `Training needs both positive and negative examples in "${labelField}" (got ${positives} positive, ${negatives} negative)`,
      );
    }
    const json = trainNaiveBayes(examples, { minCount });
    await ctx.data.upsert(MODELS_COLLECTION, model, { ...json, examples: examples.length });
    const trained = new NaiveBayes(json);
    const right = examples.filter((example) => trained.evidence(example.text).logit > 0 === example.positive);
    ctx.log.info('trained sentiment model', { model, examples: examples.length });
    return [
      {
        model,
        examples: examples.length,
        positives,
        negatives,
        features: json.features === '' ? 0 : json.features.split('\n').length,
        trainingAccuracy: Math.round((right.length / examples.length) * 1000) / 1000,
      },
    ];
  },
});
