import { type Item, withFields } from '@sbss/sdk';
import { z } from 'zod';
import { SbssError } from '../../engine/errors.js';
import { defineHostNode } from '../host-node.js';
import { canonicalJson } from './canonical-json.js';
import { getPath } from './field-path.js';
import { paramMeta } from './param-meta.js';

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
      .meta(
        paramMeta({
          title: { en: 'Mode', 'zh-Hans': '合并方式', 'zh-Hant': '合併方式' },
          description: {
            en: 'append: A then B; byKey: pair items whose key fields are equal; byPosition: pair the nth items',
            'zh-Hans': 'append：先 A 后 B；byKey：配对键字段相等的数据；byPosition：按位置配对第 n 条数据',
            'zh-Hant': 'append：先 A 後 B；byKey：配對鍵欄位相等的資料；byPosition：依位置配對第 n 筆資料',
          },
        }),
      ),
    key: z
      .string()
      .default('')
      .meta(
        paramMeta({
          title: { en: 'Key', 'zh-Hans': '键字段', 'zh-Hant': '鍵欄位' },
          description: {
            en: 'Field path both inputs share, e.g. "author.id" (mode byKey)',
            'zh-Hans': '两个输入共有的字段路径，例如“author.id”（byKey 方式）',
            'zh-Hant': '兩個輸入共有的欄位路徑，例如「author.id」（byKey 方式）',
          },
        }),
      ),
    join: z
      .enum(['inner', 'left', 'outer'])
      .default('inner')
      .meta(
        paramMeta({
          title: { en: 'Join', 'zh-Hans': '连接方式', 'zh-Hant': '連接方式' },
          description: {
            en: 'inner: only pairs; left: every A item; outer: every item of both',
            'zh-Hans': 'inner：只保留配对成功的数据；left：保留 A 的全部数据；outer：保留两边的全部数据',
            'zh-Hant': 'inner：只保留配對成功的資料；left：保留 A 的全部資料；outer：保留兩邊的全部資料',
          },
        }),
      ),
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
  return Array.from({ length }, (_, index) => withFields(a[index] ?? {}, b[index] ?? {}));
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
    if (k === undefined) return;
    const same = byKey.get(k);
    if (same) same.push(index);
    else byKey.set(k, [index]);
  });
  const pairedB = new Set<number>();
  const merged: Item[] = [];
  for (const item of a) {
    const k = keyOf(item);
    const partners = k === undefined ? [] : (byKey.get(k) ?? []);
    for (const index of partners) {
      pairedB.add(index);
      merged.push(withFields(item, b[index] as Item));
    }
    if (partners.length === 0 && join !== 'inner') merged.push(item);
  }
  if (join === 'outer') merged.push(...b.filter((_, index) => !pairedB.has(index)));
  return merged;
}
