import type { Item } from '@sbss/sdk';
import { type MentionSnapshot, maxSnapshots } from './case.js';
import { field, isObject, text } from './item-fields.js';

const maxText = 2000;

function clip(value: string, length: number): string {
  const chars = [...value];
  return chars.length <= length ? value : `${chars.slice(0, length - 1).join('')}…`;
}

/** The mention an item carries (a listening Mention, maybe scored), or undefined for other items. */
export function snapshotOf(item: Item): MentionSnapshot | undefined {
  const id = text(item.id);
  const source = text(item.source);
  const body = text(item.text);
  if (!id || !source || body === undefined) return undefined;
  const snapshot: MentionSnapshot = { id, source, text: clip(body, maxText) };
  const url = text(item.url);
  if (url) snapshot.url = url;
  const name = text(field(item, 'author', 'name'));
  if (name) {
    const authorId = text(field(item, 'author', 'id'));
    snapshot.author = authorId ? { id: authorId, name } : { name };
  }
  const publishedAt = text(item.publishedAt);
  if (publishedAt) snapshot.publishedAt = publishedAt;
  if (isObject(item.sentiment)) snapshot.sentiment = item.sentiment;
  if (item.urgency !== undefined) snapshot.urgency = item.urgency;
  return snapshot;
}

export function mentionKey(snapshot: MentionSnapshot): string {
  return `${snapshot.source}:${snapshot.id}`;
}

export function subjectOf(item: Item): string {
  return clip(text(item.title) ?? text(item.text) ?? 'Case', 80).replace(/\s+/g, ' ');
}

export function keepRecent(snapshots: MentionSnapshot[]): MentionSnapshot[] {
  return snapshots.slice(-maxSnapshots);
}

/** Text and link of the newest mention on the item's case, else of the item itself: a ticket body. */
export function latestMentionText(item: Item): string {
  const mentions = field(item, 'case', 'mentions');
  const last = Array.isArray(mentions) ? mentions.at(-1) : undefined;
  const source = isObject(last) ? last : item;
  return [text(source.text), text(source.url)].filter(Boolean).join('\n\n');
}
