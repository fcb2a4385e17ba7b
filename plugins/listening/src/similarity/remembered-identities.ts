import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DataCapability, DataEntry } from '@sbss/sdk';
import { utf8Bytes } from '@sbss/sdk';
import { getAll } from '../records/data-batches.js';
import type { Probe, SeenRecord } from './seen-index.js';

type Identity = 'url' | 'id';

// ctx.data takes keys of up to 200 characters; longer URLs are remembered by their SHA-256.
const maxKeyLength = 200;

/**
 * The record key of one identity of a mention: `url:<canonical URL>` or `id:<source>:<id>`.
 * Looking a mention up is then one key per identity, whatever the number remembered.
 */
function identityKey(identity: Identity, value: string): string {
  const key = `${identity}:${value}`;
  return key.length <= maxKeyLength ? key : `${identity}:sha256:${bytesToHex(sha256(utf8Bytes(value)))}`;
}

function identitiesOf(mention: Pick<Probe, Identity>): [Identity, string][] {
  const found: [Identity, string][] = [];
  if (mention.url) found.push(['url', mention.url]);
  if (mention.id) found.push(['id', mention.id]);
  return found;
}

/** Remembered mentions sharing a URL or an id with a probe, seen since `since`. */
export async function rememberedIdentities(
  data: DataCapability,
  collection: string,
  probes: Probe[],
  since: string,
): Promise<SeenRecord[]> {
  const wanted = new Map<string, [Identity, string]>();
  for (const probe of probes) {
    for (const [identity, value] of identitiesOf(probe))
      wanted.set(identityKey(identity, value), [identity, value]);
  }
  const records = await getAll(data, collection, [...wanted.keys()]);
  return records.flatMap(({ key, data: stored }) => {
    const [identity, value] = wanted.get(key) ?? [];
    const { mentionKey, by, seenAt } = stored;
    // An identity seen before the window is free again: the mention that now carries it
    // overwrites the record.
    if (!identity || typeof mentionKey !== 'string' || typeof seenAt !== 'string' || seenAt < since)
      return [];
    const record: SeenRecord = { key: mentionKey, [identity]: value };
    if (typeof by === 'string') record.by = by;
    return [record];
  });
}

/** One record per identity of each mention, stamped with when it was seen. */
export function identityEntries(mentions: SeenRecord[], seenAt: string): DataEntry[] {
  return mentions.flatMap((mention) =>
    identitiesOf(mention).map(([identity, value]) => ({
      key: identityKey(identity, value),
      data: { mentionKey: mention.key, by: mention.by ?? '', seenAt },
    })),
  );
}
