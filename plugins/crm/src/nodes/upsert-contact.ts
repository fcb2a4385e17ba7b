import { defineNode, type Item, NodeError, withFields, z } from '@sbss/sdk';
import { identityKey, normalizeEmail, normalizeHandle, normalizePhone } from '../records/collections.js';
import type { Contact } from '../records/contact.js';
import { loadContact, resolveIdentities, saveContact } from '../records/contact-store.js';
import { field, text } from '../records/item-fields.js';
import { asJson } from '../records/json-record.js';
import { stableId } from '../records/stable-id.js';

const optional = (description: string) => z.string().optional().describe(description);

const params = z.object({
  platform: optional('Platform of the handle; defaults to the mention source'),
  handle: optional("Handle on the platform; defaults to the mention author's id, then name"),
  name: optional("Display name; defaults to the mention author's name"),
  email: optional('Email address'),
  phone: optional('Phone number, with + and country code where known'),
  region: optional('Region, e.g. CN, HK, US'),
});

interface Identity {
  keys: string[];
  platform?: string | undefined;
  handle?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export const upsertContactNode = defineNode({
  id: 'upsert-contact',
  title: { en: 'Upsert contact', 'zh-Hans': '更新联系人', 'zh-Hant': '更新聯絡人' },
  description: {
    en: 'Finds the contact by email, phone or platform handle, or creates it, and adds it to each item as `contact`.',
    'zh-Hans': '按邮箱、电话或平台账号查找或创建联系人，并作为 `contact` 加入每条数据。',
    'zh-Hant': '按郵箱、電話或平台帳號查找或建立聯絡人，並作為 `contact` 加入每筆資料。',
  },
  category: 'crm',
  params,
  async run(ctx) {
    const out: Item[] = [];
    for (const [index, item] of (ctx.input.main ?? []).entries()) {
      const p = ctx.paramsFor(index);
      const identity = identify(item, p);
      const found = await resolveIdentities(ctx.data, identity.keys);
      const ownerId = identity.keys.map((key) => found.get(key)).find((id) => id !== undefined);
      const existing = ownerId ? await loadContact(ctx.data, ownerId) : undefined;
      const seenAt = text(item.publishedAt) ?? ctx.now().toISOString();
      const name =
        p.name ?? text(field(item, 'author', 'name')) ?? identity.handle ?? identity.email ?? identity.phone;
      const base: Contact =
        existing ?? newContact(stableId('ct', identity.keys[0] ?? ''), name ?? 'unknown', seenAt);
      const contact = merge(base, identity, seenAt, { lang: text(item.lang), region: p.region });
      const taken = new Map([...found].filter(([, id]) => id !== contact.id));
      const others = [...new Set(taken.values())].filter((id) => !contact.possibleDuplicates.includes(id));
      contact.possibleDuplicates = [...contact.possibleDuplicates, ...others];
      await saveContact(ctx.data, contact, identity.keys, taken);
      out.push(
        withFields(item, { contact: asJson(contact), contactAction: existing ? 'updated' : 'created' }),
      );
    }
    return out;
  },
});

function identify(item: Item, p: z.output<typeof params>): Identity {
  const platform = p.platform ?? text(item.source);
  const handle = p.handle ?? text(field(item, 'author', 'id')) ?? text(field(item, 'author', 'name'));
  const email = p.email ? normalizeEmail(p.email) : undefined;
  const phone = p.phone ? normalizePhone(p.phone) : undefined;
  // Strongest identity first: the first key found decides which contact the item belongs to.
  const keys: string[] = [];
  if (email) keys.push(identityKey('email', email));
  if (phone) keys.push(identityKey('phone', phone));
  if (platform && handle) keys.push(identityKey('handle', handle, platform));
  if (keys.length === 0) {
    throw new NodeError(
      'CONTACT_IDENTITY_MISSING',
      'An item has no email, phone or platform handle to know the contact by',
    );
  }
  return { keys, platform, handle, email, phone };
}

function newContact(id: string, name: string, seenAt: string): Contact {
  return {
    id,
    name,
    handles: [],
    emails: [],
    phones: [],
    ownerId: null,
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    external: {},
    possibleDuplicates: [],
  };
}

function merge(
  contact: Contact,
  identity: Identity,
  seenAt: string,
  extra: { lang: string | undefined; region: string | undefined },
): Contact {
  const next: Contact = { ...contact, lastSeenAt: seenAt > contact.lastSeenAt ? seenAt : contact.lastSeenAt };
  const { platform, handle, email, phone } = identity;
  if (platform && handle) {
    const known = contact.handles.some(
      (entry) => entry.platform === platform && normalizeHandle(entry.handle) === normalizeHandle(handle),
    );
    if (!known) next.handles = [...contact.handles, { platform, handle }];
  }
  if (email && !contact.emails.includes(email)) next.emails = [...contact.emails, email];
  if (phone && !contact.phones.includes(phone)) next.phones = [...contact.phones, phone];
  if (!next.lang && extra.lang && extra.lang !== 'und') next.lang = extra.lang;
  if (extra.region) next.region = extra.region;
  return next;
}
