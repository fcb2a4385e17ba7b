import { describe, expect, it } from 'vitest';
import type { Item } from './json.js';
import { withFields } from './with-fields.js';

describe('withFields', () => {
  it('gives what a spread gives: the same fields in the same order, later ones winning', () => {
    const item: Item = { id: 'm1', text: 'hi', score: 1, author: { name: 'a' } };
    const fields: Item = { score: 2, sentiment: { label: 'positive' } };
    const copy = withFields(item, fields);
    expect(JSON.stringify(copy)).toBe(JSON.stringify({ ...item, ...fields }));
    expect(Object.keys(copy)).toEqual(['id', 'text', 'score', 'author', 'sentiment']);
    expect(copy.author).toBe(item.author);
    expect(item).toEqual({ id: 'm1', text: 'hi', score: 1, author: { name: 'a' } });
  });

  it('copies from frozen items and carries enumerable symbols, as spread does', () => {
    const mark = Symbol('origin');
    const item = Object.freeze({ id: 'm1', [mark]: 'input 0' }) as Item;
    const copy = withFields(item, { seen: true });
    expect((copy as Record<symbol, unknown>)[mark]).toBe('input 0');
    expect(Object.isFrozen(copy)).toBe(false);
  });

  it('keeps an own __proto__ key as data instead of setting the prototype', () => {
    const item = JSON.parse('{"id":"m1","__proto__":{"polluted":true}}') as Item;
    const fields = JSON.parse('{"__proto__":{"admin":true},"x":1}') as Item;
    for (const copy of [withFields(item, { x: 1 }), withFields({ id: 'm2' }, fields)]) {
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.hasOwn(copy, '__proto__')).toBe(true);
      expect((copy as { polluted?: unknown; admin?: unknown }).polluted).toBeUndefined();
      expect((copy as { admin?: unknown }).admin).toBeUndefined();
    }
    expect(JSON.stringify(withFields(item, { x: 1 }))).toBe(
      '{"id":"m1","__proto__":{"polluted":true},"x":1}',
    );
  });
});
