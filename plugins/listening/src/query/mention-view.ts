import type { Item } from '@sbss/sdk';
import { isObject } from '../records/field-path.js';
import type { MentionView } from './document.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** What a query can look at in a Mention item: its texts, URL, author's flag and counts. */
export function mentionView(item: Item): MentionView {
  const author = isObject(item.author) ? item.author : {};
  const view: MentionView = {};
  for (const [key, value] of [
    ['text', text(item.text)],
    ['title', text(item.title)],
    ['authorName', isObject(item.author) ? text(author.name) : text(item.author)],
    ['lang', text(item.lang)],
    ['source', text(item.source)],
    ['url', text(item.url)],
  ] as const) {
    if (value !== undefined) view[key] = value;
  }
  if (typeof author.verified === 'boolean') view.verified = author.verified;
  view.counts = countsOf(count(author.followers), isObject(item.metrics) ? item.metrics : {});
  return view;
}

function countsOf(followers: number | undefined, metrics: Record<string, unknown>): MentionView['counts'] {
  const counts: NonNullable<MentionView['counts']> = {};
  for (const [key, value] of [
    ['followers', followers],
    ['likes', count(metrics.likes)],
    ['shares', count(metrics.shares)],
    ['comments', count(metrics.comments)],
    ['views', count(metrics.views)],
  ] as const) {
    if (value !== undefined) counts[key] = value;
  }
  return counts;
}
