import { describe, expect, it } from 'vitest';
import { formatPeriod } from './report-period';

// ICU puts thin spaces around the range dash; compare the words, not the kind of space.
const spaced = (text: string | undefined) => text?.replace(/\s/g, ' ');

describe('formatPeriod', () => {
  it('shows the last day before the exclusive end, as the report prints it', () => {
    const period = { since: '2025-03-03T00:00:00.000Z', until: '2025-03-10T00:00:00.000Z' };
    expect(spaced(formatPeriod(period, 'en'))).toBe('Mar 3 – 9, 2025');
  });

  it('shows nothing for a period it cannot read', () => {
    expect(formatPeriod(null, 'en')).toBeUndefined();
    expect(formatPeriod({ since: 'soon' }, 'en')).toBeUndefined();
  });
});
