import type { Item, PortItems } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { conditionSchema, holds } from './condition.js';
import { paramMeta } from './param-meta.js';

const rulePorts = ['0', '1', '2', '3'] as const;

export const switchNode = defineHostNode({
  id: 'switch',
  title: { en: 'Switch', 'zh-Hans': '多路分支', 'zh-Hant': '多路分支' },
  description: {
    en: 'Routes each item to the output of the first rule it matches (up to four rules).',
    'zh-Hans': '把每条数据送往它满足的第一条规则对应的输出（最多四条规则）。',
    'zh-Hant': '將每筆資料送往它符合的第一條規則對應的輸出（最多四條規則）。',
  },
  category: 'flow',
  params: z.object({
    rules: z
      .array(
        z.object({
          condition: conditionSchema.default(false).meta(
            paramMeta({
              title: { en: 'Condition', 'zh-Hans': '条件', 'zh-Hant': '條件' },
              description: {
                en: 'Evaluated per item',
                'zh-Hans': '对每条数据求值',
                'zh-Hant': '對每筆資料求值',
              },
            }),
          ),
        }),
      )
      .max(rulePorts.length)
      .default([])
      .meta(
        paramMeta({
          title: { en: 'Rules', 'zh-Hans': '规则', 'zh-Hant': '規則' },
          description: {
            en: 'Rule n sends its items to output n',
            'zh-Hans': '第 n 条规则把数据送往输出 n',
            'zh-Hant': '第 n 條規則將資料送往輸出 n',
          },
        }),
      ),
    allMatches: z
      .boolean()
      .default(false)
      .meta(
        paramMeta({
          title: { en: 'All matches', 'zh-Hans': '全部匹配', 'zh-Hant': '全部符合' },
          description: {
            en: 'Send an item to every matching rule, not only the first',
            'zh-Hans': '把数据送往每一条匹配的规则，而不只是第一条',
            'zh-Hant': '將資料送往每一條符合的規則，而不只是第一條',
          },
        }),
      ),
    fallback: z
      .boolean()
      .default(true)
      .meta(
        paramMeta({
          title: { en: 'Fallback', 'zh-Hans': '其他输出', 'zh-Hant': '其他輸出' },
          description: {
            en: 'Send items no rule matches to "fallback" instead of dropping them',
            'zh-Hans': '把不匹配任何规则的数据送往“其他”，而不是丢弃',
            'zh-Hant': '將不符合任何規則的資料送往「其他」，而不是捨棄',
          },
        }),
      ),
  }),
  outputs: {
    ...Object.fromEntries(rulePorts.map((port) => [port, { title: { en: `rule ${port}` } }])),
    fallback: { title: { en: 'fallback', 'zh-Hans': '其他', 'zh-Hant': '其他' } },
  },
  run(ctx) {
    const ports: PortItems = Object.fromEntries(
      [...rulePorts, 'fallback'].map((port) => [port, [] as Item[]]),
    );
    (ctx.input.main ?? []).forEach((item, index) => {
      const { rules, allMatches, fallback } = ctx.paramsFor(index);
      const matches = rules.flatMap((rule, ruleIndex) => (holds(rule.condition) ? [String(ruleIndex)] : []));
      const targets = allMatches ? matches : matches.slice(0, 1);
      if (targets.length === 0 && fallback) targets.push('fallback');
      for (const port of targets) ports[port]?.push(item);
    });
    return ports;
  },
});
