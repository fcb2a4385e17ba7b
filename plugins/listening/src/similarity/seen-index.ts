import { BandIndex } from './band-index.js';
import { type Fingerprint, hammingDistance, parseFingerprint } from './simhash.js';

/** A mention of the batch as dedupe compares it: its identities and its SimHash. */
export interface Probe {
  url?: string;
  id?: string;
  simhash?: string;
  /** Idempotency key of the step item, so a retried step does not see its own earlier writes. */
  by: string;
}

/** What dedupe remembers of a mention: enough to recognise it again, not the mention itself. */
export interface SeenRecord extends Omit<Probe, 'by'> {
  key: string;
  /** The step item that stored it; absent where that step cannot be the one asking. */
  by?: string;
}

export type DuplicateReason = 'url' | 'id' | 'near';

export interface Duplicate {
  of: string;
  reason: DuplicateReason;
  distance?: number;
}

interface Filed {
  record: SeenRecord;
  fingerprint: Fingerprint;
}

/** Mentions seen so far, indexed by URL, id and SimHash bands. */
export class SeenIndex {
  readonly #byUrl = new Map<string, SeenRecord>();
  readonly #byId = new Map<string, SeenRecord>();
  readonly #near: BandIndex<Filed>;

  constructor(private readonly threshold: number) {
    this.#near = new BandIndex(threshold);
  }

  add(record: SeenRecord): void {
    if (record.url && !this.#byUrl.has(record.url)) this.#byUrl.set(record.url, record);
    if (record.id && !this.#byId.has(record.id)) this.#byId.set(record.id, record);
    if (!record.simhash) return;
    const fingerprint = parseFingerprint(record.simhash);
    this.#near.add(fingerprint, { record, fingerprint });
  }

  find(probe: Probe): Duplicate | undefined {
    const other = (record: SeenRecord | undefined) => (record && record.by !== probe.by ? record : undefined);
    const byUrl = probe.url ? other(this.#byUrl.get(probe.url)) : undefined;
    if (byUrl) return { of: byUrl.key, reason: 'url' };
    const byId = probe.id ? other(this.#byId.get(probe.id)) : undefined;
    if (byId) return { of: byId.key, reason: 'id' };
    if (!probe.simhash) return undefined;
    const fingerprint = parseFingerprint(probe.simhash);
    let best: Duplicate | undefined;
    for (const filed of this.#near.lists(fingerprint).flat()) {
      if (!other(filed.record)) continue;
      const distance = hammingDistance(fingerprint, filed.fingerprint);
      if (distance <= this.threshold && (!best || distance < (best.distance ?? 64))) {
        best = { of: filed.record.key, reason: 'near', distance };
      }
    }
    return best;
  }
}
