import type { DataCapability } from '@sbss/sdk';
import { isObject } from '../records/item-fields.js';

/**
 * Notes a remote object's id on the local contact or case (`external.<field>`), so the Inbox can
 * link to it and the next run updates that object instead of creating another.
 */
export async function linkExternal(
  data: DataCapability,
  collection: string,
  key: string | undefined,
  field: string,
  id: string,
): Promise<void> {
  if (!key) return;
  const record = await data.get(collection, key);
  if (!record) return;
  const external = isObject(record.data.external) ? record.data.external : {};
  if (external[field] === id) return;
  await data.upsert(collection, key, { ...record.data, external: { ...external, [field]: id } });
}

export async function externalId(
  data: DataCapability,
  collection: string,
  key: string | undefined,
  field: string,
): Promise<string | undefined> {
  if (!key) return undefined;
  const external = (await data.get(collection, key))?.data.external;
  const id = isObject(external) ? external[field] : undefined;
  return typeof id === 'string' ? id : undefined;
}
