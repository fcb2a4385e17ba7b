import type { JsonObject } from '@sbss/sdk';
import { bands, hammingDistance } from './simhash.js';

/** What dedupe remembers of a mention: enough to recognise it again, not the mention itself. */
export interface SeenRecord {
  key: string;
  url?: string;
  id?: string;
  simhash?: string;
  /** Idempotency key of the step item that stored it, so a retried step does not see itself. */
  by: string;
}

export type DuplicateReason = 'url' | 'id' | 'near';

export interface Duplicate {
  of: string;
  reason: DuplicateReason;
  distance?: number;
}

/** Mentions seen within the window, indexed by URL, id and SimHash bands. */
export class SeenIndex {
  readonly #byUrl = new Map<string, SeenRecord>();
  readonly #byId = new Map<string, SeenRecord>();
  readonly #byBand = new Map<string, SeenRecord[]>();

  constructor(private readonly threshold: number) {}

  add(record: SeenRecord): void {
    if (record.url && !this.#byUrl.has(record.url)) this.#byUrl.set(record.url, record);
    if (record.id && !this.#byId.has(record.id)) this.#byId.set(record.id, record);
    if (!record.simhash) return;
    for (const band of bands(record.simhash, this.threshold)) {
      const list = this.#byBand.get(band);
      if (list) list.push(record);
      else this.#byBand.set(band, [record]);
    }
  }

  find(probe: Omit<SeenRecord, 'key'>): Duplicate | undefined {
    const other = (record: SeenRecord | undefined) => (record && record.by !== probe.by ? record : undefined);
    const byUrl = probe.url ? other(this.#byUrl.get(probe.url)) : undefined;
    if (byUrl) return { of: byUrl.key, reason: 'url' };
    const byId = probe.id ? other(this.#byId.get(probe.id)) : undefined;
    if (byId) return { of: byId.key, reason: 'id' };
    if (!probe.simhash) return undefined;
    let best: Duplicate | undefined;
    for (const band of bands(probe.simhash, this.threshold)) {
      for (const record of this.#byBand.get(band) ?? []) {
        if (!other(record) || !record.simhash) continue;
        const distance = hammingDistance(probe.simhash, record.simhash);
        if (distance <= this.threshold && (!best || distance < (best.distance ?? 64))) {
          best = { of: record.key, reason: 'near', distance };
        }
      }
    }
    return best;
  }
}

export function seenRecordFrom(key: string, data: JsonObject): SeenRecord {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const record: SeenRecord = { key: text(data.mentionKey) ?? key, by: text(data.by) ?? '' };
  const url = text(data.url);
  const id = text(data.id);
  const hash = text(data.simhash);
  if (url) record.url = url;
  if (id) record.id = id;
  if (hash) record.simhash = hash;
  return record;
}
