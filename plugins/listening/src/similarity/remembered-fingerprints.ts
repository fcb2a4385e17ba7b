import type { DataCapability, DataEntry, DataRecord, JsonObject } from '@sbss/sdk';
import { BandIndex } from './band-index.js';
import type { Probe, SeenRecord } from './seen-index.js';
import { type Fingerprint, hammingDistance, parseFingerprint } from './simhash.js';

/**
 * Fingerprints live in a collection of their own, one record per step that stored any:
 * reading the window then reads a few large records and nothing else.
 */
export function fingerprintCollection(collection: string): string {
  return `${collection}-simhash`;
}

export interface FingerprintWindow {
  since: string;
  threshold: number;
  /** Most fingerprints compared, newest first. */
  limit: number;
  /** The record this step writes: an earlier attempt of the step is no repost of anything. */
  ownKey: string;
}

const hexLength = 16;
const pageSize = 500;

/**
 * Remembered fingerprints within `threshold` bits of a probe's. The probes are indexed, not
 * the window: the window is streamed once and each remembered fingerprint costs one lookup
 * per band, so nothing the size of the window is built.
 */
export async function nearCandidates(
  data: DataCapability,
  collection: string,
  probes: Probe[],
  window: FingerprintWindow,
): Promise<SeenRecord[]> {
  const probed = new BandIndex<Fingerprint>(window.threshold);
  for (const { simhash } of probes) {
    if (simhash) {
      const fingerprint = parseFingerprint(simhash);
      probed.add(fingerprint, fingerprint);
    }
  }
  if (probed.size === 0) return [];
  const found: SeenRecord[] = [];
  let budget = window.limit;
  for await (const record of newestFirst(data, collection, window.since)) {
    const stored = record.key === window.ownKey ? undefined : storedFingerprints(record.data, window.since);
    if (!stored) continue;
    for (let at = 0; at < stored.mentions.length && budget > 0; at += 1, budget -= 1) {
      const simhash = stored.fingerprints.slice(at * hexLength, (at + 1) * hexLength);
      const fingerprint = parseFingerprint(simhash);
      const near = probed
        .lists(fingerprint)
        .some((list) => list.some((probe) => hammingDistance(fingerprint, probe) <= window.threshold));
      if (near) found.push({ key: stored.mentions[at] as string, simhash });
    }
    if (budget <= 0) break;
  }
  return found;
}

/** The record holding the fingerprints of a step's new mentions, if it has any. */
export function fingerprintEntry(key: string, mentions: SeenRecord[], seenAt: string): DataEntry | undefined {
  const fingerprinted = mentions.filter((mention) => mention.simhash);
  if (fingerprinted.length === 0) return undefined;
  return {
    key,
    data: {
      seenAt,
      fingerprints: fingerprinted.map((mention) => mention.simhash).join(''),
      mentions: fingerprinted.map((mention) => mention.key),
    },
  };
}

function storedFingerprints(
  stored: JsonObject,
  since: string,
): { fingerprints: string; mentions: string[] } | undefined {
  const { seenAt, fingerprints, mentions } = stored;
  if (typeof seenAt !== 'string' || seenAt < since || typeof fingerprints !== 'string') return undefined;
  if (!Array.isArray(mentions) || !mentions.every((key) => typeof key === 'string')) return undefined;
  if (fingerprints.length !== mentions.length * hexLength) return undefined;
  return { fingerprints, mentions: mentions as string[] };
}

/** Records created since `since`, newest first, a page at a time. */
async function* newestFirst(
  data: DataCapability,
  collection: string,
  since: string,
): AsyncGenerator<DataRecord> {
  const seen = new Set<string>();
  let until: string | undefined;
  for (;;) {
    const page = await data.query(collection, {
      since,
      ...(until ? { until } : {}),
      desc: true,
      limit: pageSize,
    });
    const fresh = page.filter((record) => !seen.has(record.key));
    for (const record of fresh) {
      seen.add(record.key);
      yield record;
    }
    const last = page[page.length - 1];
    if (!last || page.length < pageSize || fresh.length === 0) return;
    // `until` is exclusive: a millisecond past the last record, so records created in the same
    // millisecond are not skipped (the ones already read come again and are passed over).
    until = new Date(Date.parse(last.createdAt) + 1).toISOString();
  }
}
