import { defineNode, type Item, type JsonObject, z } from '@sbss/sdk';
import type { FeedEntry } from '../feeds/entries.js';
import { type FeedValidators, fetchFeed } from '../feeds/fetch-feed.js';
import { parseFeed } from '../feeds/parse-feed.js';
import { stableId } from '../records/hash.js';
import { httpUrl } from '../records/http-url.js';
import { toMention } from '../records/to-mention.js';

const params = z.object({
  url: httpUrl.describe(
    'RSS 2.0, Atom or JSON Feed URL; RSSHub routes (Weibo, Zhihu, Bilibili, ...) are feeds too',
  ),
  source: z
    .string()
    .min(1)
    .default('rss')
    .describe('Written to `source` of each mention, e.g. weibo for an RSSHub Weibo route'),
  maxItems: z.number().int().positive().default(100).describe('Most entries emitted per poll'),
  emitExisting: z
    .boolean()
    .default(true)
    .describe('On the first poll, emit the entries already in the feed; off only remembers them'),
  timeoutMs: z.number().int().positive().max(120_000).default(15_000),
});

/** Ids of entries already emitted; feeds reorder and re-date entries, so ids are what counts. */
const rememberedIds = 1_000;

interface Cursor extends JsonObject {
  seen: string[];
}

export const rssNode = defineNode({
  id: 'rss',
  title: { en: 'RSS / Atom feed', 'zh-Hans': 'RSS / Atom 订阅', 'zh-Hant': 'RSS / Atom 訂閱' },
  description: {
    en: 'Polls a feed and emits only entries it has not emitted before, as mentions.',
    'zh-Hans': '轮询订阅源，只输出之前未输出过的条目。',
    'zh-Hant': '輪詢訂閱源，只輸出之前未輸出過的條目。',
  },
  category: 'listening',
  params,
  async run(ctx) {
    const { url, source, maxItems, emitExisting, timeoutMs } = ctx.params;
    const key = `feed:${url}`;
    const cursor = await ctx.state.get<Cursor>(key);
    const validators: FeedValidators = cursor ? validatorsOf(cursor) : {};
    const fetched = await fetchFeed(ctx.http, url, timeoutMs, validators);
    if (!fetched.changed) {
      ctx.log.debug('Feed not modified', { url });
      return [];
    }
    const entries = parseFeed(fetched.body, url);
    const seen = new Set(cursor?.seen ?? []);
    const fresh = entries.filter((entry) => !seen.has(entryKey(entry)));
    const emitted = cursor || emitExisting ? fresh.slice(0, maxItems) : [];
    const mentions: Item[] = [];
    for (const entry of emitted) {
      const result = toMention(mentionFields(entry, source), { source, now: ctx.now() });
      if (result.ok) mentions.push(result.mention as Item);
      else ctx.log.warn('Skipped a feed entry that is not a mention', { url, error: result.error });
    }
    // Entries past maxItems stay unseen and come out on the next poll.
    const remembered = [...(cursor?.seen ?? []), ...(cursor || emitExisting ? emitted : fresh).map(entryKey)];
    await ctx.state.set(key, { ...fetched.validators, seen: remembered.slice(-rememberedIds) });
    return mentions;
  },
});

function validatorsOf(cursor: Cursor): FeedValidators {
  const out: FeedValidators = {};
  if (typeof cursor.etag === 'string') out.etag = cursor.etag;
  if (typeof cursor.lastModified === 'string') out.lastModified = cursor.lastModified;
  return out;
}

function entryKey(entry: FeedEntry): string {
  return entry.id ?? entry.url ?? stableId(`${entry.title ?? ''}\n${entry.text}`);
}

function mentionFields(entry: FeedEntry, source: string): JsonObject {
  const fields: JsonObject = {
    id: entryKey(entry),
    source,
    text: entry.text,
    author: { name: entry.author ?? '' },
    raw: { categories: entry.categories },
  };
  if (entry.url) fields.url = entry.url;
  if (entry.title) fields.title = entry.title;
  if (entry.publishedAt) fields.publishedAt = entry.publishedAt;
  return fields;
}
