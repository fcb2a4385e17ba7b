import { defineNode, withFields, z } from '@sbss/sdk';

/** Numbers items across runs of the workflow, keeping the count in ctx.state. */
export const countSeenNode = defineNode({
  id: 'count-seen',
  title: { en: 'Count seen items', 'zh-Hans': '累计计数', 'zh-Hant': '累計計數' },
  category: 'data',
  params: z.object({ field: z.string().default('seen').describe('Field the running number is written to') }),
  async run(ctx) {
    const before = (await ctx.state.get<number>('count')) ?? 0;
    const items = ctx.input.main ?? [];
    await ctx.state.set('count', before + items.length);
    ctx.log.info(`Seen ${before + items.length} items so far`);
    return items.map((item, index) => withFields(item, { [ctx.params.field]: before + index + 1 }));
  },
});
