import type { JsonObject, JsonValue } from '@sbss/sdk';
import { detectLanguage } from '../language/detect.js';
import { type Mention, mentionSchema } from '../mention.js';
import { stableId } from './hash.js';

export interface MentionDefaults {
  source: string;
  /** When the record has no time of its own. */
  now: Date;
}

export type MentionResult = { ok: true; mention: Mention } | { ok: false; error: string };

/**
 * Turns a loosely shaped record (a mapped CSV row, a webhook body, a feed entry) into a Mention:
 * numbers and booleans written as text are read as such, missing ids, times and languages are
 * filled in, and what still does not fit the schema is reported rather than passed on.
 */
export function toMention(record: JsonObject, defaults: MentionDefaults): MentionResult {
  const text = stringOf(record.text) ?? '';
  if (!text && !stringOf(record.title))
    return { ok: false, error: 'text: a mention needs a text or a title' };
  const publishedAt =
    record.publishedAt === undefined ? defaults.now.toISOString() : isoTime(record.publishedAt);
  if (!publishedAt) return { ok: false, error: `publishedAt: "${String(record.publishedAt)}" is not a time` };
  const author = objectOr(record.author, { name: typeof record.author === 'string' ? record.author : '' });
  const url = stringOf(record.url);
  const candidate = {
    ...record,
    id: stringOf(record.id) ?? stableId(`${url ?? ''}\n${text}`),
    source: stringOf(record.source) ?? defaults.source,
    ...(url ? { url } : {}),
    author: authorOf(author),
    text,
    ...(stringOf(record.title) ? { title: stringOf(record.title) } : {}),
    lang: stringOf(record.lang) ?? detectLanguage(`${stringOf(record.title) ?? ''} ${text}`).lang,
    publishedAt,
    ...(objectOr(record.metrics, undefined) ? { metrics: metrics(objectOr(record.metrics, {})) } : {}),
  };
  const parsed = mentionSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, mention: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'mention'}: ${issue?.message ?? 'invalid'}` };
}

function stringOf(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function objectOr<T extends JsonObject | undefined>(
  value: JsonValue | undefined,
  fallback: T,
): JsonObject | T {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : fallback;
}

function toNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  // Counts are often exported as "1,234" or "1.2万"/"3.4w" (10,000s) on Chinese platforms.
  const match = /^([\d.,]+)\s*(万|w|k|m)?$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const base = Number(match[1].replace(/,/g, ''));
  const unit = match[2]?.toLowerCase();
  const scale = unit === '万' || unit === 'w' ? 1e4 : unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1;
  return Number.isFinite(base) ? Math.round(base * scale) : undefined;
}

function authorOf(author: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = { name: stringOf(author.name) ?? '' };
  const id = stringOf(author.id);
  const followers = toNumber(author.followers);
  const verified = toBoolean(author.verified);
  if (id !== undefined) out.id = id;
  if (followers !== undefined) out.followers = Math.round(followers);
  if (verified !== undefined) out.verified = verified;
  return out;
}

function toBoolean(value: JsonValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return /^(true|yes|y|1|是)$/i.test(value.trim());
}

function metrics(record: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of ['likes', 'shares', 'comments', 'views']) {
    const value = toNumber(record[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** ISO 8601 out of ISO strings, RFC 822 feed dates, epoch seconds or milliseconds. */
export function isoTime(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'number') return new Date(value < 1e11 ? value * 1000 : value).toISOString();
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return isoTime(Number(value));
  const time = Date.parse(value.includes('T') || value.includes(',') ? value : value.replace(' ', 'T'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
