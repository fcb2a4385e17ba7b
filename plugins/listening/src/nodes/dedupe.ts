import { defineNode, type Item, withFields, z } from '@sbss/sdk';
import { upsertAll } from '../records/data-batches.js';
import { canonicalUrl } from '../similarity/canonical-url.js';
import {
  fingerprintCollection,
  fingerprintEntry,
  nearCandidates,
} from '../similarity/remembered-fingerprints.js';
import { identityEntries, rememberedIdentities } from '../similarity/remembered-identities.js';
import { type Probe, SeenIndex, type SeenRecord } from '../similarity/seen-index.js';
import { simhash } from '../similarity/simhash.js';

const params = z.object({
  exact: z
    .array(z.enum(['url', 'id']))
    .default(['url', 'id'])
    .describe('Fields that make two mentions the same when equal: the canonical URL, and source + id'),
  near: z.boolean().default(true).describe('Also drop reposts and light edits of a mention (SimHash)'),
  threshold: z
    .number()
    .int()
    .min(0)
    .max(12)
    .default(6)
    // Manku et al. use 3 bits for web pages; a post has few shingles, so one edit moves more bits.
    // With 6, dedupe catches 192 of the 221 reposts in examples/data/mentions-zh-en.jsonl, while
    // unrelated posts there sit about 30 bits apart.
    .describe('Most differing bits of the 64-bit SimHash for two texts to count as near-duplicates'),
  minLength: z
    .number()
    .int()
    .min(1)
    .default(12)
    .describe(
      'Shorter texts ("好评", "+1") are only compared exactly: too little text to call two posts near-duplicates',
    ),
  shingleSize: z.number().int().min(1).max(8).default(3).describe('Characters per shingle'),
  windowHours: z.number().positive().default(72).describe('How long a mention is remembered'),
  collection: z
    .string()
    .min(1)
    .default('listening-dedupe')
    .describe(
      'Workspace collection that remembers mentions across runs; SimHash fingerprints go to the same name with "-simhash" added',
    ),
  maxRemembered: z
    .number()
    .int()
    .positive()
    .default(50_000)
    .describe(
      'Most recent fingerprints compared for near-duplicates per run (exact repeats are looked up by URL and id, however many are remembered)',
    ),
});

type Params = z.output<typeof params>;

export const dedupeNode = defineNode({
  id: 'dedupe',
  title: { en: 'Deduplicate mentions', 'zh-Hans': '提及去重', 'zh-Hant': '提及去重' },
  description: {
    en: 'Passes each mention once: exact by URL or id, near-duplicates by SimHash, across runs within a time window.',
    'zh-Hans': '按链接或 ID 精确去重，并用 SimHash 识别近似重复（跨执行、限时间窗口）。',
    'zh-Hant': '按連結或 ID 精確去重，並用 SimHash 識別近似重複（跨執行、限時間窗口）。',
  },
  category: 'listening',
  reads: ['id', 'url', 'source', 'title', 'text'],
  params,
  outputs: {
    main: { title: { en: 'Unique', 'zh-Hans': '唯一', 'zh-Hant': '唯一' } },
    duplicates: { title: { en: 'Duplicates', 'zh-Hans': '重复', 'zh-Hant': '重複' } },
  },
  async run(ctx) {
    const options = ctx.params;
    const seenAt = ctx.now().toISOString();
    const since = new Date(ctx.now().getTime() - options.windowHours * 3_600_000).toISOString();
    const items = ctx.input.main ?? [];
    const probes = items.map((item, at) => probeOf(item, options, ctx.idempotencyKey(at)));
    const fingerprints = fingerprintCollection(options.collection);
    const ownKey = `${ctx.executionId}:${ctx.nodeId}`;
    // Exact repeats are looked up by key, so their cost follows the batch, not the window.
    // Near ones still pass the window's fingerprints by the batch's, but as a few compact
    // records kept apart, and only those near a probe come back.
    const [identities, near] = await Promise.all([
      rememberedIdentities(ctx.data, options.collection, probes, since),
      nearCandidates(ctx.data, fingerprints, probes, {
        since,
        threshold: options.threshold,
        limit: options.maxRemembered,
        ownKey,
      }),
    ]);
    const index = new SeenIndex(options.threshold);
    for (const record of [...identities, ...near]) index.add(record);

    const unique: Item[] = [];
    const duplicates: Item[] = [];
    const fresh: SeenRecord[] = [];
    items.forEach((item, at) => {
      const probe = probes[at] as Probe;
      const duplicate = index.find(probe);
      if (duplicate) {
        const { of, reason, distance } = duplicate;
        duplicates.push(
          withFields(item, {
            duplicateOf: distance === undefined ? { of, reason } : { of, reason, distance },
          }),
        );
        return;
      }
      // Not `{ ...probe, key }`: Node.js 20's V8 adds a field after a spread slowly (see withFields).
      const record: SeenRecord = Object.assign({ key: probe.id ?? probe.by }, probe);
      index.add(record);
      unique.push(item);
      fresh.push(record);
    });
    const fingerprinted = fingerprintEntry(ownKey, fresh, seenAt);
    await Promise.all([
      upsertAll(ctx.data, options.collection, identityEntries(fresh, seenAt)),
      fingerprinted ? ctx.data.upsertMany(fingerprints, [fingerprinted]) : undefined,
      // What left the window is never looked at again: without this the collections would grow
      // by every mention ever seen.
      ctx.data.removeBefore(options.collection, since),
      ctx.data.removeBefore(fingerprints, since),
    ]);
    return { main: unique, duplicates };
  },
});

function probeOf(item: Item, options: Params, by: string): Probe {
  const probe: Probe = { by };
  if (options.exact.includes('url') && typeof item.url === 'string' && item.url)
    probe.url = canonicalUrl(item.url);
  if (options.exact.includes('id') && (typeof item.id === 'string' || typeof item.id === 'number')) {
    probe.id = `${typeof item.source === 'string' ? item.source : ''}:${item.id}`;
  }
  const text = [item.title, item.text].filter((part) => typeof part === 'string').join('\n');
  if (options.near && [...text.trim()].length >= options.minLength)
    probe.simhash = simhash(text, options.shingleSize);
  return probe;
}
