import { type DataCapability, type DataEntry, type DataRecord, dataBatchLimit } from '@sbss/sdk';

/** `ctx.data.getMany` over any number of keys, as many calls as the batch limit needs. */
export async function getAll(
  data: DataCapability,
  collection: string,
  keys: string[],
): Promise<DataRecord[]> {
  const found: DataRecord[] = [];
  for (let at = 0; at < keys.length; at += dataBatchLimit) {
    found.push(...(await data.getMany(collection, keys.slice(at, at + dataBatchLimit))));
  }
  return found;
}

/**
 * `ctx.data.upsertMany` over any number of entries. Each call stores all of its entries or
 * none; should a later call fail, the earlier ones stay stored.
 */
export async function upsertAll(
  data: DataCapability,
  collection: string,
  entries: DataEntry[],
): Promise<void> {
  for (let at = 0; at < entries.length; at += dataBatchLimit) {
    await data.upsertMany(collection, entries.slice(at, at + dataBatchLimit));
  }
}
