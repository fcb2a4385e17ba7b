import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze.js';

const forced = (text: string) => analyzeSentiment(text, 'en', { neutralBand: 0 }).score;

describe('English mentions without a polar word', () => {
  it('take their side from the model trained on the team’s labelled mentions', () => {
    expect(forced('The courier left my parcel in the rain')).toBeLessThan(0);
    expect(forced('My order is still sitting in the warehouse')).toBeLessThan(0);
    expect(forced('The nurse remembered my name from last year')).toBeGreaterThan(0);
    expect(forced('Refund landed in my account the next morning')).toBeGreaterThan(0);
  });

  it('stay neutral at the default band, and the rules still decide where they find a polar word', () => {
    expect(
      analyzeSentiment('The nurse remembered my name from last year', 'en', { neutralBand: 0.2 }).label,
    ).toBe('neutral');
    expect(analyzeSentiment('Booked a table for Friday', 'en', { neutralBand: 0.2 }).label).toBe('neutral');
    expect(analyzeSentiment('The refund was quick and painless', 'en', { neutralBand: 0.2 }).label).toBe(
      'positive',
    );
  });
});
