import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { setPath } from './field-path.js';
import { paramMeta } from './param-meta.js';

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
      .meta(
        paramMeta({
          title: { en: 'Fields', 'zh-Hans': '字段', 'zh-Hant': '欄位' },
          description: {
            en: 'Field name → value; expressions are evaluated for each item',
            'zh-Hans': '字段名 → 值；表达式会针对每条数据求值',
            'zh-Hant': '欄位名稱 → 值；運算式會針對每筆資料求值',
          },
        }),
      ),
    keepOthers: z
      .boolean()
      .default(true)
      .meta(
        paramMeta({
          title: { en: 'Keep others', 'zh-Hans': '保留其他字段', 'zh-Hant': '保留其他欄位' },
          description: {
            en: 'Keep the fields the item already has',
            'zh-Hans': '保留数据原有的字段',
            'zh-Hant': '保留資料原有的欄位',
          },
        }),
      ),
    dotNotation: z
      .boolean()
      .default(true)
      .meta(
        paramMeta({
          title: { en: 'Dot notation', 'zh-Hans': '点号路径', 'zh-Hant': '點號路徑' },
          description: {
            en: 'Read "author.name" as a nested field, not a dotted name',
            'zh-Hans': '把“author.name”视为嵌套字段，而不是带点号的字段名',
            'zh-Hant': '將「author.name」視為巢狀欄位，而非含點號的欄位名稱',
          },
        }),
      ),
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
