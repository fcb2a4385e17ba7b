#!/usr/bin/env node
// Writes the example mention stream and the import fixtures in examples/data/:
//   node plugins/listening/scripts/generate-mentions.mjs [count]
// Deterministic: the same count gives the same files, byte for byte.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import {
  asides,
  aspects,
  brands,
  enNames,
  hantNames,
  platforms,
  templates,
  zhNames,
} from './mention-templates.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/data');
const count = Number(process.argv[2] ?? 3000);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** mulberry32: a small seeded PRNG, so the stream is the same on every run. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20240501);
const pick = (list) => list[Math.floor(random() * list.length)];
const intents = [
  ['complaint', 0.4],
  ['praise', 0.3],
  ['question', 0.2],
  ['news', 0.1],
];
const sentimentOf = { complaint: 'negative', praise: 'positive', question: 'neutral', news: 'neutral' };

function intent() {
  let roll = random();
  for (const [name, share] of intents) {
    roll -= share;
    if (roll < 0) return name;
  }
  return 'complaint';
}

function compose(index, start) {
  const platform = pick(Object.keys(platforms));
  const { lang, wrap } = platforms[platform];
  const base = lang === 'en' ? 'en' : 'zh';
  const brand = pick(brands);
  const kind = intent();
  const polarity = kind === 'praise' ? 'positive' : 'negative';
  const fill = (template) =>
    template
      .replace('{b}', base === 'en' ? brand.en : brand.zh)
      .replace('{p}', pick(brand.products[base]))
      .replace('{a}', pick(aspects[base][polarity]))
      .replace('{n}', String(2 + Math.floor(random() * 9)))
      .replace('{h}', String(1 + Math.floor(random() * 6)));
  const core = fill(pick(templates[base][kind]));
  const aside = random() < 0.7 ? pick(asides[base][polarity]) : '';
  const body = !aside
    ? core
    : base === 'en'
      ? `${core}, ${aside}`
      : random() < 0.5
        ? `${aside}，${core}`
        : `${core}，${aside}`;
  let text = wrap(body, { pick, brand });
  if (lang === 'zh-Hant') text = toTraditional(text);
  const names = lang === 'en' ? enNames : lang === 'zh-Hant' ? hantNames : zhNames;
  const followers = Math.floor(10 ** (1 + random() * 5));
  const at = new Date(start + index * 97_000 + Math.floor(random() * 60_000));
  return {
    id: `${platform}-${100000 + index}`,
    source: platform,
    url: `https://${platform}.example/${platform === 'reddit' ? 'r/gadgets/comments/' : 'p/'}${100000 + index}`,
    author: {
      id: `u${Math.floor(random() * 5000)}`,
      name: pick(names),
      followers,
      verified: followers > 50_000,
    },
    text,
    lang: lang === 'en' ? 'en' : lang === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans',
    publishedAt: at.toISOString(),
    metrics: {
      likes: Math.floor(random() * followers * 0.05),
      shares: Math.floor(random() * 50),
      comments: Math.floor(random() * 80),
      views: Math.floor(followers * (1 + random() * 3)),
    },
    raw: { intent: kind, sentiment: sentimentOf[kind], brand: brand.en },
  };
}

/** Reposts and cross-posts: the near-duplicates a dedupe node should catch. */
function repost(original, index) {
  const style = pick(['rt', 'forward', 'traditional', 'tag']);
  const text =
    original.lang === 'en'
      ? style === 'rt'
        ? `RT @${original.author.name}: ${original.text}`
        : `${original.text} ${pick(['+1', 'this!!', '#same'])}`
      : style === 'traditional' && original.lang === 'zh-Hans'
        ? toTraditional(original.text)
        : style === 'forward'
          ? `转发微博 //@${original.author.name}: ${original.text}`
          : `${original.text} ${pick(['#同款', '+1', '转'])}`;
  const at = new Date(Date.parse(original.publishedAt) + 600_000);
  return {
    ...original,
    id: `${original.source}-r${index}`,
    url: `${original.url}?share=${index}`,
    author: { ...original.author, name: pick(original.lang === 'en' ? enNames : zhNames) },
    text,
    lang: style === 'traditional' && original.lang === 'zh-Hans' ? 'zh-Hant' : original.lang,
    publishedAt: at.toISOString(),
    raw: { ...original.raw, repostOf: original.id },
  };
}

const start = Date.parse('2024-05-01T00:00:00Z');
const mentions = [];
for (let index = 0; mentions.length < count; index += 1) {
  const mention = compose(index, start);
  mentions.push(mention);
  if (random() < 0.08 && mentions.length < count) mentions.push(repost(mention, index));
}
writeFileSync(join(out, 'mentions-zh-en.jsonl'), `${mentions.map((m) => JSON.stringify(m)).join('\n')}\n`);

// Import fixtures: the same kind of rows as exported by Chinese listening tools, in the
// encodings those exports come in.
const header = ['编号', '平台', '作者', '粉丝数', '内容', '发布时间'];
const rows = (lang) =>
  mentions
    .filter((m) => m.lang === lang)
    .slice(0, 20)
    .map((m) => [
      m.id,
      m.source,
      m.author.name,
      m.author.followers,
      m.text,
      m.publishedAt.replace('T', ' ').slice(0, 19),
    ]);
const csv = (head, body) =>
  [head, ...body]
    .map((row) =>
      row
        .map((cell) => (/[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : cell))
        .join(','),
    )
    .join('\r\n');
writeFileSync(join(out, 'mentions-utf8-bom.csv'), `\uFEFF${csv(header, rows('zh-Hans'))}\r\n`);
writeFileSync(join(out, 'mentions-gbk.csv'), encodeLegacy(`${csv(header, rows('zh-Hans'))}\r\n`, 'gbk'));
writeFileSync(
  join(out, 'mentions-big5.csv'),
  encodeLegacy(`${csv(['編號', '平台', '作者', '粉絲數', '內容', '發佈時間'], rows('zh-Hant'))}\r\n`, 'big5'),
);
console.log(`wrote ${mentions.length} mentions and 3 CSV fixtures to ${out}`);

/** Node can decode GBK and Big5 but not encode them: build the reverse table from its decoder. */
function encodeLegacy(text, encoding) {
  const decoder = new TextDecoder(encoding);
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if ([...char].length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...(table.get(char) ?? [0x3f]));
  }
  return Uint8Array.from(bytes);
}
