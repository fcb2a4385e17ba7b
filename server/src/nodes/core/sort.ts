import type { JsonValue } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { compareValues } from './compare-values.js';
import { getPath } from './field-path.js';
import { paramMeta } from './param-meta.js';

export const sortNode = defineHostNode({
  id: 'sort',
  title: { en: 'Sort', 'zh-Hans': '排序', 'zh-Hant': '排序' },
  description: {
    en: 'Orders items by one or more fields; items with equal values keep their order.',
    'zh-Hans': '按一个或多个字段排序，值相同的数据保持原有顺序。',
    'zh-Hant': '依一個或多個欄位排序，值相同的資料維持原有順序。',
  },
  category: 'data',
  params: z.object({
    fields: z
      .array(
        z.object({
          field: z
            .string()
            .min(1)
            .meta(
              paramMeta({
                title: { en: 'Field', 'zh-Hans': '字段', 'zh-Hant': '欄位' },
                description: {
                  en: 'Field path, e.g. "author.followers"',
                  'zh-Hans': '字段路径，例如“author.followers”',
                  'zh-Hant': '欄位路徑，例如「author.followers」',
                },
              }),
            ),
          order: z
            .enum(['asc', 'desc'])
            .default('asc')
            .meta(
              paramMeta({
                title: { en: 'Order', 'zh-Hans': '顺序', 'zh-Hant': '順序' },
                description: {
                  en: 'asc: smallest first; desc: largest first',
                  'zh-Hans': 'asc：从小到大；desc：从大到小',
                  'zh-Hant': 'asc：由小到大；desc：由大到小',
                },
              }),
            ),
        }),
      )
      .default([])
      .meta(
        paramMeta({
          title: { en: 'Sort fields', 'zh-Hans': '排序字段', 'zh-Hant': '排序欄位' },
          description: {
            en: 'Sort by the first field, then by the next where equal; missing values go last',
            'zh-Hans': '先按第一个字段排序，相等时再按下一个；缺失的值排在最后',
            'zh-Hant': '先依第一個欄位排序，相等時再依下一個；缺少的值排在最後',
          },
        }),
      ),
  }),
  run(ctx) {
    const { fields } = ctx.params;
    const rows = (ctx.input.main ?? []).map((item, index) => ({
      item,
      index,
      values: fields.map(({ field }) => getPath(item, field)),
    }));
    rows.sort((x, y) => {
      for (const [position, { order }] of fields.entries()) {
        const difference = compareField(x.values[position], y.values[position], order);
        if (difference !== 0) return difference;
      }
      return x.index - y.index;
    });
    return rows.map((row) => row.item);
  },
});

/** Missing values (absent or null) sort last in either direction. */
function compareField(a: JsonValue | undefined, b: JsonValue | undefined, order: 'asc' | 'desc'): number {
  const aMissing = a === undefined || a === null;
  const bMissing = b === undefined || b === null;
  if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
  const difference = Math.sign(compareValues(a, b));
  return order === 'asc' ? difference : -difference;
}
