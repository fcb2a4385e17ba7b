import { z } from 'zod';
import { defineHostNode } from '../host-node.js';

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
    maxItems: z.number().int().min(0).default(10).describe('Most items to pass on'),
    keep: z.enum(['first', 'last']).default('first').describe('Keep the first or the last items'),
  }),
  run(ctx) {
    const items = ctx.input.main ?? [];
    const { maxItems, keep } = ctx.params;
    if (maxItems === 0) return [];
    return keep === 'first' ? items.slice(0, maxItems) : items.slice(-maxItems);
  },
});
