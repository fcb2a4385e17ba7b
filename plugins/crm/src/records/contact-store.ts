import { type DataCapability, NodeError } from '@sbss/sdk';
import { collections } from './collections.js';
import { type Contact, contactSchema } from './contact.js';
import { asJson } from './json-record.js';

export async function loadContact(data: DataCapability, id: string): Promise<Contact | undefined> {
  const record = await data.get(collections.contacts, id);
  if (!record) return undefined;
  const parsed = contactSchema.safeParse(record.data);
  if (!parsed.success) {
    throw new NodeError(
      'CONTACT_INVALID',
      `Contact ${id} does not have the shape of a contact`,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** The contact ids the identity keys point at, key by key (absent keys are left out). */
export async function resolveIdentities(data: DataCapability, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const key of keys) {
    const record = await data.get(collections.contactKeys, key);
    const contactId = record?.data.contactId;
    if (typeof contactId === 'string') found.set(key, contactId);
  }
  return found;
}

/**
 * Writes the contact, then the index records of identities nobody else holds: an identity
 * that already points at another contact stays there (the two are flagged as possible duplicates
 * instead of being merged silently).
 */
export async function saveContact(
  data: DataCapability,
  contact: Contact,
  keys: string[],
  taken: ReadonlyMap<string, string>,
): Promise<void> {
  await data.upsert(collections.contacts, contact.id, asJson(contact));
  for (const key of keys) {
    if (!taken.has(key)) await data.upsert(collections.contactKeys, key, { contactId: contact.id });
  }
}
