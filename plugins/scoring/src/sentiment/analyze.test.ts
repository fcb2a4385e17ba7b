import { describe, expect, it } from 'vitest';
import { analyzeSentiment, englishSum } from './analyze.js';
import { NaiveBayes } from './naive-bayes.js';

const forced = (text: string) => analyzeSentiment(text, 'en', { neutralBand: 0 }).score;

describe('English mentions without a polar word', () => {
  it('take their side from the model trained on the team’s labelled mentions', () => {
    expect(forced('The courier left my parcel in the rain')).toBeLessThan(0);
    expect(forced('My order is still sitting in the warehouse')).toBeLessThan(0);
    expect(forced('The nurse remembered my name from last year')).toBeGreaterThan(0);
    expect(forced('Refund landed in my account the next morning')).toBeGreaterThan(0);
  });

  it('stay neutral at the default band, and the rules still lead where they find a polar word', () => {
    expect(
      analyzeSentiment('The nurse remembered my name from last year', 'en', { neutralBand: 0.2 }).label,
    ).toBe('neutral');
    expect(analyzeSentiment('Booked a table for Friday', 'en', { neutralBand: 0.2 }).label).toBe('neutral');
    expect(analyzeSentiment('The refund was quick and painless', 'en', { neutralBand: 0.2 }).label).toBe(
      'positive',
    );
    expect(analyzeSentiment('Worst customer service I have ever had', 'en', { neutralBand: 0.2 }).label).toBe(
      'negative',
    );
  });

  it('lean a mention whose polar words tell another story than the whole', () => {
    // "broke down" is the rules' only word here; the model has learnt what a lift home means.
    const text = 'the rental guy drove me back to my hotel in his own car when their shuttle broke down';
    const rulesAlone = englishSum(
      text,
      new NaiveBayes({ format: 'sbss-naive-bayes/1', bias: 0, features: '' }),
    );
    expect(englishSum(text)).toBeGreaterThan(rulesAlone);
  });
});
