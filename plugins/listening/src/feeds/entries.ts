import { isoTime } from '../records/to-mention.js';
import { htmlToText } from './html-text.js';

/** One feed entry, whatever the feed format. */
export interface FeedEntry {
  id?: string;
  url?: string;
  title?: string;
  text: string;
  author?: string;
  publishedAt?: string;
  categories: string[];
}

type Loose = Record<string, unknown>;

const isLoose = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** A string, or the `value` of feedsmith's `{ value, type }` text constructs. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isLoose(value)) return text(value.value) ?? text(value.name);
  return undefined;
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    const found = text(value);
    if (found) return found;
  }
  return undefined;
}

export function feedEntries(format: string, feed: unknown): FeedEntry[] {
  if (!isLoose(feed)) return [];
  const raw = list(format === 'atom' ? feed.entries : feed.items).filter(isLoose);
  const read = format === 'atom' ? atomEntry : format === 'json' ? jsonEntry : rssEntry;
  return raw.map(read);
}

function rssEntry(item: Loose): FeedEntry {
  const dc = isLoose(item.dc) ? item.dc : {};
  const content = isLoose(item.content) ? item.content.encoded : undefined;
  const link = text(item.link);
  const guid = text(item.guid);
  return entry({
    id: guid ?? link,
    url: link ?? (isLoose(item.guid) && item.guid.isPermaLink !== false ? guid : undefined),
    title: text(item.title),
    html: firstText(content, item.description),
    author: firstText(...list(dc.creators), ...list(item.authors), dc.creator),
    date: firstText(item.pubDate, dc.date, ...list(dc.dates)),
    categories: list(item.categories).map(text),
  });
}

function atomEntry(item: Loose): FeedEntry {
  const links = list(item.links).filter(isLoose);
  const alternate = links.find((link) => !link.rel || link.rel === 'alternate') ?? links[0];
  return entry({
    id: text(item.id),
    url: text(alternate?.href),
    title: text(item.title),
    html: firstText(item.content, item.summary),
    author: firstText(...list(item.authors)),
    date: firstText(item.published, item.updated),
    categories: list(item.categories).map((category) =>
      isLoose(category) ? text(category.term) : text(category),
    ),
  });
}

function jsonEntry(item: Loose): FeedEntry {
  const plain = text(item.content_text);
  return entry({
    id: text(item.id),
    url: text(item.url),
    title: text(item.title),
    html: plain ? undefined : firstText(item.content_html, item.summary),
    plain,
    author: firstText(...list(item.authors), item.author),
    date: firstText(item.date_published, item.date_modified),
    categories: list(item.tags).map(text),
  });
}

interface EntryParts {
  id: string | undefined;
  url: string | undefined;
  title: string | undefined;
  html: string | undefined;
  plain?: string | undefined;
  author: string | undefined;
  date: string | undefined;
  categories: (string | undefined)[];
}

function entry(parts: EntryParts): FeedEntry {
  const title = parts.title ? htmlToText(parts.title) : undefined;
  const body = parts.plain ?? (parts.html ? htmlToText(parts.html) : '');
  const out: FeedEntry = {
    text: body || title || '',
    categories: parts.categories.filter((c): c is string => !!c),
  };
  if (parts.id) out.id = parts.id;
  if (parts.url) out.url = parts.url;
  if (title) out.title = title;
  if (parts.author) out.author = parts.author;
  const published = isoTime(parts.date);
  if (published) out.publishedAt = published;
  return out;
}
