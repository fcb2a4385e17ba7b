import type { JsonObject } from '@sbss/sdk';
import { authorOf, influenceOf, sentimentOf, topicsOf } from './mention-fields.js';
import { round } from './sentiment-mix.js';

export interface TopAuthor {
  name: string;
  source: string;
  followers: number | null;
  /** Highest influence score seen on the author's mentions in the range. */
  influence: number | null;
  mentions: number;
  negative: number;
}

/** Authors ranked by influence, then by how often they spoke, then by followers. */
export function topAuthors(records: JsonObject[], limit: number): TopAuthor[] {
  const authors = new Map<string, TopAuthor>();
  for (const record of records) {
    const ref = authorOf(record);
    if (!ref) continue;
    const row = authors.get(ref.key) ?? {
      name: ref.name,
      source: ref.source,
      followers: null,
      influence: null,
      mentions: 0,
      negative: 0,
    };
    const influence = influenceOf(record);
    if (influence !== undefined) row.influence = Math.max(row.influence ?? influence, influence);
    if (ref.followers !== undefined) row.followers = Math.max(row.followers ?? 0, ref.followers);
    row.mentions += 1;
    if (sentimentOf(record) === 'negative') row.negative += 1;
    authors.set(ref.key, row);
  }
  return [...authors.values()]
    .sort(
      (a, b) =>
        (b.influence ?? -1) - (a.influence ?? -1) ||
        b.mentions - a.mentions ||
        (b.followers ?? 0) - (a.followers ?? 0),
    )
    .slice(0, limit);
}

export interface TopTopic {
  topic: string;
  count: number;
  /** Share of the mentions read, 0..1. */
  share: number;
  negative: number;
}

export function topTopics(records: JsonObject[], limit: number): TopTopic[] {
  const topics = new Map<string, TopTopic>();
  for (const record of records) {
    const negative = sentimentOf(record) === 'negative';
    for (const topic of topicsOf(record)) {
      const row = topics.get(topic) ?? { topic, count: 0, share: 0, negative: 0 };
      row.count += 1;
      if (negative) row.negative += 1;
      topics.set(topic, row);
    }
  }
  return [...topics.values()]
    .map((row) => ({ ...row, share: records.length === 0 ? 0 : round(row.count / records.length, 4) }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
    .slice(0, limit);
}
