import { defineNode, type JsonObject, z } from '@sbss/sdk';

const params = z.object({
  collection: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "_" and "-"')
    .default('mentions')
    .describe('Workspace collection the mentions go to; reports and spike alerts read `mentions`'),
  key: z
    .string()
    .max(500)
    .optional()
    .describe('Record key; defaults to "<source>:<id>", else the URL, so a mention seen again is updated'),
});

export const storeNode = defineNode({
  id: 'store',
  title: { en: 'Store mentions', 'zh-Hans': '保存提及', 'zh-Hant': '儲存提及' },
  description: {
    en: 'Keeps mentions in a workspace collection for reports and spike alerts, and passes them on.',
    'zh-Hans': '把提及保存到工作区集合，供报告和异常告警使用，并原样传下去。',
    'zh-Hant': '把提及儲存到工作區集合，供報告和異常告警使用，並原樣傳下去。',
  },
  category: 'listening',
  params,
  outputs: { main: { title: { en: 'Mentions', 'zh-Hans': '提及', 'zh-Hant': '提及' } } },
  async run(ctx) {
    const items = ctx.input.main ?? [];
    for (const [index, item] of items.entries()) {
      const { collection, key } = ctx.paramsFor(index);
      // Upsert by the mention's identity, not insert: a retried step or a mention fetched again by
      // the next poll updates its record instead of counting twice in volume and share of voice.
      await ctx.data.upsert(
        collection,
        key || mentionKey(item) || ctx.idempotencyKey(index),
        item as JsonObject,
      );
    }
    return { main: items };
  },
});

function mentionKey(item: JsonObject): string | undefined {
  const id = item.id;
  if (typeof id === 'string' || typeof id === 'number') {
    return `${typeof item.source === 'string' ? item.source : 'unknown'}:${id}`;
  }
  return typeof item.url === 'string' && item.url ? item.url : undefined;
}
