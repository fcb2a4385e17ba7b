import { describe, expect, it } from 'vitest';
import { stableId } from './stable-id.js';

describe('stableId', () => {
  it('derives the same id from the same source and different ids from different ones', () => {
    expect(stableId('ct', 'email:a@b.c')).toBe(stableId('ct', 'email:a@b.c'));
    expect(stableId('ct', 'email:a@b.c')).not.toBe(stableId('ct', 'email:a@b.d'));
    expect(stableId('cs', 'x')).toMatch(/^cs_[0-9a-f]{20}$/);
  });
});
