import { describe, expect, it } from 'vitest';
import { itemsJson, portItemsJson } from './items-json.js';

describe('items JSON', () => {
  it('writes what JSON.stringify writes', () => {
    const ports = { main: [{ a: 1, b: undefined, c: [1, 'x'] }], 'odd "port"': [], skipped: undefined };
    expect(portItemsJson(ports as never)).toBe(JSON.stringify(ports));
    expect(portItemsJson({})).toBe('{}');
  });

  it('writes each array once and reuses the text wherever the array goes', () => {
    const items = [{ n: 1 }];
    const first = itemsJson(items);
    expect(portItemsJson({ matched: items })).toBe(`{"matched":${first}}`);
    expect(itemsJson(items)).toBe(first);
    expect(itemsJson([{ n: 1 }])).toBe(first);
  });
});
