import type { DataRecord } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../sentiment/analyze.js';
import { MODELS_COLLECTION } from '../sentiment/custom-models.js';
import { NaiveBayes, type NaiveBayesJson } from '../sentiment/naive-bayes.js';
import { trainSentiment } from './train-sentiment.js';

// Slang the built-in lexicon reads the other way: "sick" is praise here, "mid" a put-down.
const labelled: { text: string; label: string }[] = [
  { text: 'this drop is sick', label: 'positive' },
  { text: 'absolute sick collab, copped two', label: 'positive' },
  { text: 'the new flavour is sick', label: 'positive' },
  { text: 'sick fit from the new store', label: 'positive' },
  { text: 'the update is mid', label: 'negative' },
  { text: 'mid service again tonight', label: 'negative' },
  { text: 'honestly mid, skip it', label: 'negative' },
  { text: 'so mid for the price', label: 'negative' },
  { text: 'just a post', label: 'neutral' },
];

describe('scoring/train-sentiment', () => {
  it('stores a model that turns the user’s slang the way they labelled it', async () => {
    const result = await runNode(trainSentiment, {
      params: { model: 'streetwear', minCount: 1 },
      input: labelled,
    });
    expect(result.output.main?.[0]).toMatchObject({
      model: 'streetwear',
      examples: 8,
      positives: 4,
      negatives: 4,
    });
    const record = result.data.get(MODELS_COLLECTION)?.get('streetwear') as DataRecord;
    const custom = new NaiveBayes(record.data as unknown as NaiveBayesJson);
    const text = 'the new collab is sick';
    expect(analyzeSentiment(text, 'en', { neutralBand: 0.2 }).label).toBe('negative');
    expect(analyzeSentiment(text, 'en', { neutralBand: 0.2, custom }).label).toBe('positive');
  });

  it('refuses to train without both positive and negative examples', async () => {
    const input = [{ text: 'great', label: 'positive' }];
    await expect(runNode(trainSentiment, { params: { model: 'one-sided' }, input })).rejects.toMatchObject({
      code: 'TRAINING_DATA_INSUFFICIENT',
    });
  });

  it('reads the label from the field the user names', async () => {
    const input = labelled.map(({ text, label }) => ({ text, verdict: label }));
    const result = await runNode(trainSentiment, { params: { model: 'm', labelField: 'verdict' }, input });
    expect(result.output.main?.[0]?.examples).toBe(8);
  });

  it('rejects model names that are not simple slugs', async () => {
    await expect(
      runNode(trainSentiment, { params: { model: 'My Model' }, input: labelled }),
    ).rejects.toThrow();
  });
});
