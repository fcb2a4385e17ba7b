import { describe, expect, it } from 'vitest';
import { collectTemplates, fillTemplates } from './template-params.js';

describe('collectTemplates and fillTemplates', () => {
  const params = {
    a: '{{ 1 }}',
    b: ['plain', '{{ 2 }}', { c: 'x {{ 3 }}' }],
    d: 4,
    e: '{{ unclosed',
  };

  it('finds template strings in nested arrays and objects, in walk order', () => {
    expect(collectTemplates(params).map((template) => template.parts[1])).toEqual(['1', '2', '3']);
  });

  it('puts values back where the templates were and copies the containers', () => {
    const filled = fillTemplates(params, ['one', 'two', 'three']);
    expect(filled).toEqual({ a: 'one', b: ['plain', 'two', { c: 'three' }], d: 4, e: '{{ unclosed' });
    expect((filled as { b: unknown }).b).not.toBe(params.b);
  });

  it('keeps a __proto__ key as a key instead of setting a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "{{ 1 }}"}}') as Record<string, unknown>;
    const filled = fillTemplates(hostile, [1]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(filled)).toBe(Object.prototype);
    expect(Object.keys(filled)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
