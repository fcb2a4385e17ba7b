import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { SbssError } from '../../engine/errors.js';
import { defineHostNode } from '../host-node.js';
import { canonicalJson } from './canonical-json.js';
import { getPath } from './field-path.js';

type Join = 'inner' | 'left' | 'outer';

export const mergeNode = defineHostNode({
  id: 'merge',
  title: { en: 'Merge', 'zh-Hans': '合并', 'zh-Hant': '合併' },
  description: {
    en: 'Combines the items of inputs A and B: one after the other, by a shared key, or by position.',
    'zh-Hans': '合并输入 A 和 B 的数据：依次拼接、按共同键匹配或按位置配对。',
    'zh-Hant': '合併輸入 A 與 B 的資料：依序串接、依共同鍵比對或依位置配對。',
  },
  category: 'flow',
  params: z.object({
    mode: z
      .enum(['append', 'byKey', 'byPosition'])
      .default('append')
      .describe(
        'append: A then B; byKey: pair items whose key fields are equal; byPosition: pair the nth items',
      ),
    key: z.string().default('').describe('Field path both inputs share, e.g. "author.id" (mode byKey)'),
    join: z
      .enum(['inner', 'left', 'outer'])
      .default('inner')
      .describe('inner: only pairs; left: every A item; outer: every item of both'),
  }),
  inputs: {
    a: { title: { en: 'A' } },
    b: { title: { en: 'B' } },
  },
  run(ctx) {
    const a = ctx.input.a ?? [];
    const b = ctx.input.b ?? [];
    const { mode, key, join } = ctx.params;
    if (mode === 'append') return [...a, ...b];
    if (mode === 'byPosition') return mergeByPosition(a, b, join);
    if (key === '')
      throw new SbssError('NODE_PARAMS_INVALID', 'Merging by key needs the key field to compare');
    return mergeByKey(a, b, key, join);
  },
});

function mergeByPosition(a: Item[], b: Item[], join: Join): Item[] {
  const length =
    join === 'inner'
      ? Math.min(a.length, b.length)
      : join === 'left'
        ? a.length
        : Math.max(a.length, b.length);
  return Array.from({ length }, (_, index) => ({ ...a[index], ...b[index] }));
}

/** A relational join: each A item pairs with every B item of the same key, B's fields winning. */
function mergeByKey(a: Item[], b: Item[], key: string, join: Join): Item[] {
  const keyOf = (item: Item) => {
    const value = getPath(item, key);
    return value === undefined || value === null ? undefined : canonicalJson(value);
  };
  const byKey = new Map<string, number[]>();
  b.forEach((item, index) => {
    const k = keyOf(item);
    if (k !== undefined) byKey.set(k, [...(byKey.get(k) ?? []), index]);
  });
  const pairedB = new Set<number>();
  const merged: Item[] = [];
  for (const item of a) {
    const k = keyOf(item);
    const partners = k === undefined ? [] : (byKey.get(k) ?? []);
    for (const index of partners) {
      pairedB.add(index);
      merged.push({ ...item, ...b[index] });
    }
    if (partners.length === 0 && join !== 'inner') merged.push(item);
  }
  if (join === 'outer') merged.push(...b.filter((_, index) => !pairedB.has(index)));
  return merged;
}
