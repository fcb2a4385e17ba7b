import { describe, expect, it } from 'vitest';
import { hasExpression, isExpression } from './expression-syntax.js';

describe('isExpression', () => {
  it('recognises a string holding {{ }}', () => {
    expect(isExpression('{{ $json.text }}')).toBe(true);
    expect(isExpression('Hello {{ $json.name }}!')).toBe(true);
  });

  it('rejects strings without a closed pair and values that are not strings', () => {
    expect(isExpression('{{ not closed')).toBe(false);
    expect(isExpression('}} before {{')).toBe(false);
    expect(isExpression('plain')).toBe(false);
    expect(isExpression(42)).toBe(false);
    expect(isExpression(null)).toBe(false);
  });
});

describe('hasExpression', () => {
  it('finds expressions inside nested arrays and objects', () => {
    expect(hasExpression({ a: 1, b: [{ c: 'x' }, { d: '{{ $json.d }}' }] })).toBe(true);
  });

  it('is false for plain JSON', () => {
    expect(hasExpression({ a: 1, b: ['x', { c: true, d: null }] })).toBe(false);
  });
});
