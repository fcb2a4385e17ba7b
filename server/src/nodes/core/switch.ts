import type { Item, PortItems } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { conditionSchema, holds } from './condition.js';

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
      .array(z.object({ condition: conditionSchema.default(false).describe('Evaluated per item') }))
      .max(rulePorts.length)
      .default([])
      .describe('Rule n sends its items to output n'),
    allMatches: z
      .boolean()
      .default(false)
      .describe('Send an item to every matching rule, not only the first'),
    fallback: z
      .boolean()
      .default(true)
      .describe('Send items no rule matches to "fallback" instead of dropping them'),
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
