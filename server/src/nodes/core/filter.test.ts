import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { filterNode } from './filter.js';

describe('core/filter', () => {
  it('keeps matching items on main and sends the rest to discarded', async () => {
    const result = await runNode(filterNode, {
      input: [{ lang: 'zh' }, { lang: 'en' }, { lang: 'zh' }],
      itemParams: (item) => ({ condition: item.lang === 'zh' }),
    });
    expect(result.output).toEqual({ main: [{ lang: 'zh' }, { lang: 'zh' }], discarded: [{ lang: 'en' }] });
  });

  it('keeps everything until a condition is set', async () => {
    const result = await runNode(filterNode, { input: [{ a: 1 }] });
    expect(result.output).toEqual({ main: [{ a: 1 }], discarded: [] });
  });
});
