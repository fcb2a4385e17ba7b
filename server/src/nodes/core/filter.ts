import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { conditionSchema, holds } from './condition.js';

export const filterNode = defineHostNode({
  id: 'filter',
  title: { en: 'Filter', 'zh-Hans': '过滤', 'zh-Hant': '篩選' },
  description: {
    en: 'Keeps the items for which a condition holds; the rest go to "discarded".',
    'zh-Hans': '保留满足条件的数据，其余送往“已丢弃”。',
    'zh-Hant': '保留符合條件的資料，其餘送往「已捨棄」。',
  },
  category: 'flow',
  params: z.object({
    condition: conditionSchema
      .default(true)
      .describe('Evaluated per item; items for which it is false are discarded'),
  }),
  outputs: {
    main: { title: { en: 'kept', 'zh-Hans': '保留', 'zh-Hant': '保留' } },
    discarded: { title: { en: 'discarded', 'zh-Hans': '已丢弃', 'zh-Hant': '已捨棄' } },
  },
  run(ctx) {
    const main: Item[] = [];
    const discarded: Item[] = [];
    (ctx.input.main ?? []).forEach((item, index) => {
      (holds(ctx.paramsFor(index).condition) ? main : discarded).push(item);
    });
    return { main, discarded };
  },
});
