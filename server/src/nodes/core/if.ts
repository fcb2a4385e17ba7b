import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { conditionSchema, holds } from './condition.js';
import { paramMeta } from './param-meta.js';

export const ifNode = defineHostNode({
  id: 'if',
  title: { en: 'If', 'zh-Hans': '条件分支', 'zh-Hant': '條件分支' },
  description: {
    en: 'Sends each item to "true" or "false" by a condition evaluated for that item.',
    'zh-Hans': '按对每条数据求值的条件，把数据送往“真”或“假”分支。',
    'zh-Hant': '依對每筆資料求值的條件，將資料送往「真」或「假」分支。',
  },
  category: 'flow',
  params: z.object({
    condition: conditionSchema.default(true).meta(
      paramMeta({
        title: { en: 'Condition', 'zh-Hans': '条件', 'zh-Hant': '條件' },
        description: {
          en: 'Evaluated per item, e.g. {{ $json.sentiment < 0 && $json.followers > 1000 }}',
          'zh-Hans': '对每条数据求值，例如 {{ $json.sentiment < 0 && $json.followers > 1000 }}',
          'zh-Hant': '對每筆資料求值，例如 {{ $json.sentiment < 0 && $json.followers > 1000 }}',
        },
      }),
    ),
  }),
  outputs: {
    true: { title: { en: 'true', 'zh-Hans': '真', 'zh-Hant': '真' } },
    false: { title: { en: 'false', 'zh-Hans': '假', 'zh-Hant': '假' } },
  },
  run(ctx) {
    const branches: { true: Item[]; false: Item[] } = { true: [], false: [] };
    (ctx.input.main ?? []).forEach((item, index) => {
      branches[holds(ctx.paramsFor(index).condition) ? 'true' : 'false'].push(item);
    });
    return branches;
  },
});
