import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { paramMeta } from './param-meta.js';

export const limitNode = defineHostNode({
  id: 'limit',
  title: { en: 'Limit', 'zh-Hans': '限制条数', 'zh-Hant': '限制筆數' },
  description: {
    en: 'Keeps at most a number of items, from the start or the end.',
    'zh-Hans': '最多保留若干条数据，从开头或结尾计。',
    'zh-Hant': '最多保留若干筆資料，從開頭或結尾計。',
  },
  category: 'data',
  params: z.object({
    maxItems: z
      .number()
      .int()
      .min(0)
      .default(10)
      .meta(
        paramMeta({
          title: { en: 'Max items', 'zh-Hans': '最大条数', 'zh-Hant': '最大筆數' },
          description: {
            en: 'Most items to pass on',
            'zh-Hans': '最多传下去的数据条数',
            'zh-Hant': '最多傳下去的資料筆數',
          },
        }),
      ),
    keep: z
      .enum(['first', 'last'])
      .default('first')
      .meta(
        paramMeta({
          title: { en: 'Keep', 'zh-Hans': '保留', 'zh-Hant': '保留' },
          description: {
            en: 'Keep the first or the last items',
            'zh-Hans': '保留开头或结尾的数据',
            'zh-Hant': '保留開頭或結尾的資料',
          },
        }),
      ),
  }),
  run(ctx) {
    const items = ctx.input.main ?? [];
    const { maxItems, keep } = ctx.params;
    if (maxItems === 0) return [];
    return keep === 'first' ? items.slice(0, maxItems) : items.slice(-maxItems);
  },
});
