import type { CollectionRecord, JsonValue } from '../api/contract';

/**
 * The editor's reading of the CRM plugin's records (plugins/crm/README.md: `cases`, `contacts`,
 * `members`, `queues`). Reading is lenient: a field of the wrong type reads as missing, and the
 * record's own data is kept so a save writes back every field the Inbox does not know.
 */

export type JsonRecord = { [key: string]: JsonValue };

export const caseStatuses = ['open', 'pending', 'resolved'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

export interface HistoryEntry {
  at: string;
  by: string;
  action: string;
  reason?: string;
  changes?: Record<string, { from: JsonValue; to: JsonValue }>;
}

export interface MentionSnapshot {
  id: string;
  source: string;
  url?: string;
  authorName?: string;
  text: string;
  publishedAt?: string;
  sentiment?: string;
  urgency?: number;
}

export interface CaseView {
  id: string;
  contactId: string | null;
  topic: string;
  subject: string;
  status: CaseStatus;
  priority: Priority;
  owner: string | null;
  queue: string | null;
  slaDueAt: string | null;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  escalationLevel: number;
  mentions: MentionSnapshot[];
  history: HistoryEntry[];
  /** The stored data, unchanged, for writing back. */
  data: JsonRecord;
}

export interface Member {
  id: string;
  name: string;
  active: boolean;
}

export interface Queue {
  id: string;
  name: string;
}

export interface Contact {
  id: string;
  name?: string;
  handles: { platform: string; handle: string; url?: string }[];
  emails: string[];
  phones: string[];
  region?: string;
  lang?: string;
}

function isObject(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const textOrNull = (value: unknown): string | null => text(value) ?? null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const texts = (value: unknown): string[] => list(value).filter((v): v is string => typeof v === 'string');

function oneOf<T extends string>(options: readonly T[], value: unknown, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

export function statusOf(value: unknown): CaseStatus | undefined {
  return caseStatuses.find((status) => status === value);
}

export function priorityOf(value: unknown): Priority | undefined {
  return priorities.find((priority) => priority === value);
}

function readHistory(value: unknown): HistoryEntry[] {
  return list(value).flatMap((entry) => {
    if (!isObject(entry)) return [];
    const read: HistoryEntry = {
      at: text(entry.at) ?? '',
      by: text(entry.by) ?? '',
      action: text(entry.action) ?? '',
    };
    const reason = text(entry.reason);
    if (reason) read.reason = reason;
    if (isObject(entry.changes)) {
      const changes: NonNullable<HistoryEntry['changes']> = {};
      for (const [field, change] of Object.entries(entry.changes)) {
        if (isObject(change)) changes[field] = { from: change.from ?? null, to: change.to ?? null };
      }
      read.changes = changes;
    }
    return [read];
  });
}

/** Sentiment is a label or an object with one (the scoring plugin writes `{ label, score }`). */
function sentimentLabel(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isObject(value) ? text(value.label) : undefined;
}

function readMention(value: unknown): MentionSnapshot[] {
  if (!isObject(value)) return [];
  const mention: MentionSnapshot = {
    id: text(value.id) ?? '',
    source: text(value.source) ?? '',
    text: text(value.text) ?? '',
  };
  const url = text(value.url);
  if (url) mention.url = url;
  const author = isObject(value.author) ? text(value.author.name) : undefined;
  if (author) mention.authorName = author;
  const publishedAt = text(value.publishedAt);
  if (publishedAt) mention.publishedAt = publishedAt;
  const sentiment = sentimentLabel(value.sentiment);
  if (sentiment) mention.sentiment = sentiment;
  if (typeof value.urgency === 'number') mention.urgency = value.urgency;
  return [mention];
}

/** Record data arrived as JSON, so each of its values is a JSON value. */
export function jsonData(record: CollectionRecord): JsonRecord {
  return record.data as JsonRecord;
}

export function readCase(record: CollectionRecord): CaseView {
  const data = jsonData(record);
  return {
    id: text(data.id) ?? record.key,
    contactId: textOrNull(data.contactId),
    topic: text(data.topic) ?? '',
    subject: text(data.subject) ?? '',
    status: oneOf(caseStatuses, data.status, 'open'),
    priority: oneOf(priorities, data.priority, 'normal'),
    owner: textOrNull(data.owner),
    queue: textOrNull(data.queue),
    slaDueAt: textOrNull(data.slaDueAt),
    openedAt: text(data.openedAt) ?? record.createdAt,
    updatedAt: text(data.updatedAt) ?? record.updatedAt,
    resolvedAt: textOrNull(data.resolvedAt),
    escalationLevel: typeof data.escalationLevel === 'number' ? data.escalationLevel : 0,
    mentions: list(data.mentions).flatMap(readMention),
    history: readHistory(data.history),
    data,
  };
}

export function readMember(record: CollectionRecord): Member {
  const data = record.data;
  return {
    id: text(data.id) ?? record.key,
    name: text(data.name) ?? record.key,
    active: data.active !== false,
  };
}

export function readQueue(record: CollectionRecord): Queue {
  return { id: text(record.data.id) ?? record.key, name: text(record.data.name) ?? record.key };
}

export function readContact(record: CollectionRecord): Contact {
  const data = record.data;
  const contact: Contact = {
    id: text(data.id) ?? record.key,
    handles: list(data.handles).flatMap((handle) => {
      if (!isObject(handle)) return [];
      const url = text(handle.url);
      const read = { platform: text(handle.platform) ?? '', handle: text(handle.handle) ?? '' };
      return [url ? { ...read, url } : read];
    }),
    emails: texts(data.emails),
    phones: texts(data.phones),
  };
  for (const field of ['name', 'region', 'lang'] as const) {
    const value = text(data[field]);
    if (value) contact[field] = value;
  }
  return contact;
}
