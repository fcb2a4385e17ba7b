import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { paramMeta } from './param-meta.js';

const unitMs = { ms: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000 } as const;

export const waitNode = defineHostNode({
  id: 'wait',
  title: { en: 'Wait', 'zh-Hans': '等待', 'zh-Hant': '等待' },
  description: {
    en: 'Pauses the run for a while, then passes the items on.',
    'zh-Hans': '暂停一段时间后再把数据传下去。',
    'zh-Hant': '暫停一段時間後再將資料傳下去。',
  },
  category: 'flow',
  params: z.object({
    amount: z
      .number()
      .min(0)
      .default(1)
      .meta(
        paramMeta({
          title: { en: 'Amount', 'zh-Hans': '时长', 'zh-Hant': '時長' },
          description: {
            en: 'How long to wait, in the unit below',
            'zh-Hans': '等待多久，单位见下方',
            'zh-Hant': '等待多久，單位見下方',
          },
        }),
      ),
    unit: z
      .enum(['ms', 'seconds', 'minutes', 'hours'])
      .default('seconds')
      .meta(
        paramMeta({
          title: { en: 'Unit', 'zh-Hans': '单位', 'zh-Hant': '單位' },
          description: { en: 'Unit of the amount', 'zh-Hans': '时长的单位', 'zh-Hant': '時長的單位' },
        }),
      ),
  }),
  async run(ctx) {
    const { amount, unit } = ctx.params;
    await ctx.host.sleep(Math.round(amount * unitMs[unit]));
    return ctx.input.main ?? [];
  },
});
