import { defineNode, definePlugin, NodeError, z } from '@sbss/sdk';

/** Fetches new mentions since its cursor, marks those by known VIP authors and stores them. */
export const fetchNode = defineNode({
  id: 'fetch',
  title: 'Fetch mentions',
  category: 'listening',
  params: z.object({ credential: z.string(), limit: z.number().int().default(10) }),
  async run(ctx) {
    const { token } = await ctx.credentials.get(ctx.params.credential);
    const cursor = (await ctx.state.get<string>('cursor')) ?? '0';
    const response = await ctx.http.fetch({
      url: `https://api.example.com/mentions?after=${cursor}&limit=${ctx.params.limit}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const mentions = response.body as { id: string; author: string; text: string }[];
    const vips = await ctx.data.query('contacts', { where: { vip: true } });
    const vipNames = new Set(vips.map((record) => record.data.name));
    const items = mentions.map((mention, index) => ({
      ...mention,
      vip: vipNames.has(mention.author),
      key: ctx.idempotencyKey(index),
    }));
    await ctx.data.insert('mentions', items);
    await ctx.state.set('cursor', mentions.at(-1)?.id ?? cursor);
    ctx.log.info('fetched', { count: items.length, vips: items.filter((item) => item.vip).length });
    return items;
  },
});

/** Labels each item with its own per-item param. */
export const labelNode = defineNode({
  id: 'label',
  title: 'Label',
  category: 'data',
  params: z.object({ label: z.string().default('none') }),
  run: (ctx) => (ctx.input.main ?? []).map((item, index) => ({ ...item, label: ctx.paramsFor(index).label })),
});

export const refuseNode = defineNode({
  id: 'refuse',
  title: 'Refuse',
  category: 'data',
  params: z.object({}),
  run() {
    throw new NodeError('QUOTA_EXCEEDED', 'The daily quota is used up', { left: 0 });
  },
});

/** Never returns: only for the sandbox, whose CPU limit stops it. */
export const spinNode = defineNode({
  id: 'spin',
  title: 'Spin',
  category: 'data',
  params: z.object({}),
  run() {
    for (;;) {}
  },
});

/**
 * Reads only `text`: passes the first item on, shouts the second's text (its only read field,
 * rewritten), and makes a new item of the third. Each notes which fields it saw.
 */
export const shoutNode = defineNode({
  id: 'shout',
  title: 'Shout',
  category: 'data',
  reads: ['text'],
  params: z.object({}),
  run: (ctx) =>
    (ctx.input.main ?? []).map((item, index) => {
      const seen = Object.keys(item).join(',');
      if (index === 0) return item;
      if (index === 1) return { ...item, text: String(item.text).toUpperCase(), seen };
      return { length: String(item.text).length, seen };
    }),
});

/** Reads only `text`: keeps the items whose text is long, each spread with its length. */
export const longNode = defineNode({
  id: 'long',
  title: 'Long texts',
  category: 'data',
  reads: ['text'],
  params: z.object({}),
  run: (ctx) =>
    (ctx.input.main ?? [])
      .filter((item) => String(item.text).length > 3)
      .map((item) => ({ ...item, length: String(item.text).length })),
});

/** Pairs each mention on `mentions` with the owner at the same place on `owners`. */
export const pairNode = defineNode({
  id: 'pair',
  title: 'Pair',
  category: 'data',
  inputs: { mentions: {}, owners: {} },
  params: z.object({}),
  run: (ctx) =>
    (ctx.input.mentions ?? []).map((item, index) => ({
      ...item,
      owner: ctx.input.owners?.[index]?.name ?? null,
    })),
});

export default definePlugin({
  name: 'harness',
  version: '1.0.0',
  nodes: [fetchNode, labelNode, refuseNode, spinNode, shoutNode, longNode, pairNode],
});
