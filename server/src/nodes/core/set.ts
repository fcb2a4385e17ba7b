import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { setPath } from './field-path.js';

export const setNode = defineHostNode({
  id: 'set',
  title: { en: 'Set fields', 'zh-Hans': '设置字段', 'zh-Hant': '設定欄位' },
  description: {
    en: 'Adds or overwrites fields on every item; values may be expressions of the item.',
    'zh-Hans': '为每条数据添加或覆盖字段，值可以是基于该条数据的表达式。',
    'zh-Hant': '為每筆資料新增或覆寫欄位，值可以是基於該筆資料的運算式。',
  },
  category: 'data',
  params: z.object({
    fields: z
      .record(z.string(), z.json())
      .default({})
      .describe('Field name → value; expressions are evaluated for each item'),
    keepOthers: z.boolean().default(true).describe('Keep the fields the item already has'),
    dotNotation: z
      .boolean()
      .default(true)
      .describe('Read "author.name" as a nested field, not a dotted name'),
  }),
  run(ctx) {
    return (ctx.input.main ?? []).map((item, index) => {
      const { fields, keepOthers, dotNotation } = ctx.paramsFor(index);
      let result: Item = keepOthers ? item : {};
      for (const [name, value] of Object.entries(fields)) {
        result = setPath(result, dotNotation ? name.split('.') : [name], value);
      }
      return result;
    });
  },
});
