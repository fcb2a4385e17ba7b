import { mention } from './mentions.test-support.js';
import type { Seed } from './seeded-data.test-support.js';

/** Park–Miller minimal standard generator: the same "random" week on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16_807) % 2_147_483_647;
    return (state - 1) / 2_147_483_646;
  };
}

const brands = [
  { name: 'Acme', weight: 0.5, negative: 0.22, positive: 0.4 },
  { name: 'Globex', weight: 0.32, negative: 0.15, positive: 0.35 },
  { name: 'Initech', weight: 0.18, negative: 0.3, positive: 0.25 },
];
const topics = ['delivery', 'customer service', 'pricing', 'app crash', 'new release', 'refund'];
const authors = [
  { name: '数码评测君', followers: 1_250_000, influence: 92, source: 'weibo' },
  { name: 'TechDaily', followers: 480_000, influence: 81, source: 'twitter' },
  { name: '消费者说', followers: 310_000, influence: 74, source: 'zhihu' },
  { name: 'Jenny Liu', followers: 56_000, influence: 58, source: 'xiaohongshu' },
  { name: 'gadget_guru', followers: 22_000, influence: 47, source: 'twitter' },
  { name: '小林同学', followers: 8_600, influence: 33, source: 'weibo' },
];

/**
 * A week of mentions for three brands, 1–7 March 2025, with a crisis on 5 March (an app crash
 * drives Acme's volume and negative share up), the quieter week before it for comparison, and
 * the CRM cases of the week.
 */
export function sampleWeek(): { mentions: Seed[]; cases: Seed[] } {
  const next = random(20_250_301);
  const mentions: Seed[] = [];
  for (let day = -7; day < 7; day += 1) {
    const crisis = day === 4;
    const count = Math.round((crisis ? 95 : day < 0 ? 30 : 38) + next() * 14);
    for (let index = 0; index < count; index += 1) {
      const pick = next();
      const brand =
        crisis && index % 2 === 0 ? brands[0] : pick < 0.5 ? brands[0] : pick < 0.82 ? brands[1] : brands[2];
      if (!brand) continue;
      const roll = next();
      const negative = crisis && brand.name === 'Acme' ? 0.62 : brand.negative;
      const sentiment =
        roll < negative ? 'negative' : roll < negative + brand.positive ? 'positive' : 'neutral';
      const author = next() < 0.25 ? authors[Math.floor(next() * authors.length)] : undefined;
      const topic =
        crisis && brand.name === 'Acme' && next() < 0.7
          ? 'app crash'
          : topics[Math.floor(next() * topics.length)];
      const at = new Date(
        Date.UTC(2025, 2, 1 + day, 6 + Math.floor(next() * 16), Math.floor(next() * 60)),
      ).toISOString();
      mentions.push(
        mention({
          at,
          brand: brand.name,
          sentiment: next() < 0.04 ? null : sentiment,
          author: author?.name ?? `user${Math.floor(next() * 5000)}`,
          followers: author?.followers ?? Math.floor(next() * 3000),
          influence: author?.influence ?? Math.round(next() * 30),
          source: author?.source ?? (next() < 0.6 ? 'weibo' : 'twitter'),
          topics: topic ? [topic] : [],
        }),
      );
    }
  }
  const cases: Seed[] = Array.from({ length: 40 }, (_, index) => {
    const opened = Date.UTC(2025, 2, 1 + (index % 7), 8 + (index % 9));
    const minutes = index % 7 === 4 ? 60 + next() * 200 : 10 + next() * 110;
    const responded = new Date(opened + minutes * 60_000).toISOString();
    const data = {
      status: index % 5 === 0 ? 'open' : index % 3 === 0 ? 'pending' : 'resolved',
      createdAt: new Date(opened).toISOString(),
      slaDueAt: new Date(opened + 120 * 60_000).toISOString(),
      ...(index % 5 === 0 ? {} : { firstResponseAt: responded }),
      ...(index % 5 === 0 || index % 3 === 0
        ? {}
        : { resolvedAt: new Date(opened + (minutes + 240) * 60_000).toISOString() }),
    };
    return { data, createdAt: data.createdAt };
  });
  return { mentions, cases };
}
