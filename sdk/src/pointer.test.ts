import { describe, expect, it } from 'vitest';
import { pointerAt } from './pointer.js';

describe('pointerAt', () => {
  it('puts the caret under the column, padding wide characters with ideographic spaces', () => {
    expect(pointerAt('a AND (b', 7)).toBe('a AND (b\n      ^');
    expect(pointerAt('(发货 OR 物流', 10)).toBe('(发货 OR 物流\n \u3000\u3000    \u3000\u3000^');
    expect(pointerAt('\tx = ;', 6)).toBe('\tx = ;\n\t    ^');
  });

  it('counts characters, not UTF-16 units, and puts a caret past the end after the text', () => {
    expect(pointerAt('😀x', 2)).toBe('😀x\n ^');
    expect(pointerAt('ab', 3)).toBe('ab\n  ^');
  });
});
