import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuidv7.js';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID carrying its millisecond timestamp', () => {
    const id = uuidv7(Date.UTC(2025, 0, 1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2025, 0, 1));
  });

  it('sorts by creation time and never repeats', () => {
    const earlier = Array.from({ length: 1000 }, () => uuidv7(1_000));
    const later = uuidv7(2_000);
    expect(new Set(earlier).size).toBe(1000);
    for (const id of earlier) expect(id < later).toBe(true);
  });
});
