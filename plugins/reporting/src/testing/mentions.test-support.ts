import type { JsonObject } from '@sbss/sdk';
import type { Seed } from './seeded-data.test-support.js';

export interface MentionSpec {
  at: string;
  brand: string | string[];
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  author?: string;
  followers?: number;
  influence?: number;
  topics?: string[];
  source?: string;
}

let counter = 0;

/** A scored Mention as the listening and scoring plugins leave it in the `mentions` collection. */
export function mention(spec: MentionSpec): Seed {
  counter += 1;
  const author = spec.author ?? `user${counter}`;
  const data: JsonObject = {
    id: `m${counter}`,
    source: spec.source ?? 'weibo',
    author: { id: author, name: author, followers: spec.followers ?? 100 },
    text: `mention ${counter}`,
    lang: 'zh-Hans',
    publishedAt: spec.at,
    brand: spec.brand,
    topics: spec.topics ?? [],
  };
  if (spec.sentiment) {
    const score = { positive: 0.7, neutral: 0, negative: -0.8 }[spec.sentiment];
    data.sentiment = { label: spec.sentiment, score, confidence: 0.9 };
  }
  if (spec.influence !== undefined) data.influence = spec.influence;
  return { data, createdAt: spec.at };
}

/** `count` mentions spread evenly over one hour starting at `hourStart`. */
export function hourOf(
  hourStart: string,
  count: number,
  spec: Omit<MentionSpec, 'at'> | ((index: number) => Omit<MentionSpec, 'at'>),
): Seed[] {
  const start = Date.parse(hourStart);
  return Array.from({ length: count }, (_, index) =>
    mention({
      ...(typeof spec === 'function' ? spec(index) : spec),
      at: new Date(start + Math.floor((index * 3_600_000) / Math.max(count, 1))).toISOString(),
    }),
  );
}
