import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { conditionSchema, holds } from './condition.js';
import { paramMeta } from './param-meta.js';

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
    condition: conditionSchema.default(true).meta(
      paramMeta({
        title: { en: 'Condition', 'zh-Hans': '条件', 'zh-Hant': '條件' },
        description: {
          en: 'Evaluated per item; items for which it is false are discarded',
          'zh-Hans': '对每条数据求值；结果为假的数据会被丢弃',
          'zh-Hant': '對每筆資料求值；結果為假的資料會被捨棄',
        },
      }),
    ),
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
