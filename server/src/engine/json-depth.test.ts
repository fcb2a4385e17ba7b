import { describe, expect, it } from 'vitest';
import { jsonDeeperThan, maxJsonDepth } from './json-depth.js';

const nested = (depth: number) => `${'[{"a":'.repeat(depth / 2)}1${'}]'.repeat(depth / 2)}`;

describe('jsonDeeperThan', () => {
  it('counts arrays and objects, up to the limit and past it', () => {
    expect(jsonDeeperThan(nested(maxJsonDepth))).toBe(false);
    expect(jsonDeeperThan(nested(maxJsonDepth + 2))).toBe(true);
    expect(jsonDeeperThan('[[1],[2],{"a":3}]', 2)).toBe(false);
    expect(jsonDeeperThan('[[1],[2],{"a":[[3]]}]', 2)).toBe(true);
  });

  it('skips brackets inside strings, escaped quotes and backslashes included', () => {
    expect(
      jsonDeeperThan(JSON.stringify({ text: '[[[[[[', quote: 'say "[[[["', slash: '\\[[[[\\' }), 1),
    ).toBe(false);
    expect(jsonDeeperThan(JSON.stringify(['\\', [[1]]]), 2)).toBe(true);
  });
});
