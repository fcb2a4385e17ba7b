import type { JsonObject, JsonValue } from '@sbss/sdk';

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `a.b.c` from a record; a missing step gives `undefined`. */
export function fieldAt(record: JsonObject, path: string): JsonValue | undefined {
  let at: JsonValue | undefined = record;
  for (const key of path.split('.')) at = isObject(at) ? at[key] : undefined;
  return at;
}

// Below this magnitude a bare numeric score is neutral, as the scoring plugin labels it.
const neutralBand = 0.05;

/**
 * The scoring plugin writes `sentiment: { label, score, confidence }`; older or imported data
 * may carry a bare score in [-1, 1]. "mixed" counts as neutral: it is neither a complaint nor praise.
 */
export function sentimentOf(record: JsonObject): SentimentLabel {
  const sentiment = record.sentiment;
  const label = isObject(sentiment) ? sentiment.label : undefined;
  if (typeof label === 'string') {
    const lower = label.toLowerCase();
    return lower === 'positive' || lower === 'negative' ? lower : 'neutral';
  }
  const score = isObject(sentiment) ? sentiment.score : sentiment;
  if (typeof score !== 'number' || Number.isNaN(score)) return 'unscored';
  if (score > neutralBand) return 'positive';
  return score < -neutralBand ? 'negative' : 'neutral';
}

/** `influence` is a number, or an object with a `score`. */
export function influenceOf(record: JsonObject): number | undefined {
  const influence = record.influence;
  const score = isObject(influence) ? influence.score : influence;
  return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
}

/** Names a field's value stands for: a string, each string of an array, or an object's keys. */
export function groupsOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return [...new Set(value.flatMap((entry) => groupsOf(entry)))];
  if (isObject(value)) return Object.keys(value);
  return [];
}

/** Topics are strings or objects naming one (`name`, `label` or `id`). */
export function topicsOf(record: JsonObject): string[] {
  const topics = record.topics;
  if (!Array.isArray(topics)) return [];
  const names = topics.map((topic) => {
    if (typeof topic === 'string') return topic;
    if (!isObject(topic)) return undefined;
    const name = topic.name ?? topic.label ?? topic.id;
    return typeof name === 'string' ? name : undefined;
  });
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

export interface AuthorRef {
  key: string;
  name: string;
  source: string;
  followers: number | undefined;
}

/** The Mention's `author` object; a bare string is accepted for hand-made data. */
export function authorOf(record: JsonObject): AuthorRef | undefined {
  const author = record.author;
  const source = typeof record.source === 'string' ? record.source : '';
  const name = isObject(author) ? author.name : author;
  if (typeof name !== 'string' || name === '') return undefined;
  const id = isObject(author) && typeof author.id === 'string' ? author.id : name;
  const followers = isObject(author) ? author.followers : record.followers;
  return {
    key: `${source}:${id}`,
    name,
    source,
    followers: typeof followers === 'number' ? followers : undefined,
  };
}
