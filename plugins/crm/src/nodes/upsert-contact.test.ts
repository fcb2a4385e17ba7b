import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { recordsOf, runWith } from '../test-support/seeded.test-support.js';
import { mention } from '../test-support/team.test-support.js';
import { upsertContactNode } from './upsert-contact.js';

describe('crm/upsert-contact', () => {
  it('creates a contact from the mention author and indexes its handle', async () => {
    const result = await runNode(upsertContactNode, { input: [mention('m1')] });
    const [item] = result.output.main ?? [];
    expect(item).toMatchObject({
      contactAction: 'created',
      contact: { name: '小王', handles: [{ platform: 'weibo', handle: 'u-100' }] },
    });
    const contactId = (item?.contact as { id: string } | undefined)?.id;
    expect(recordsOf(result, 'contact-keys').get('handle:weibo:u-100')).toEqual({ contactId });
  });

  it('finds the same contact again by handle, and again by email once the email is known', async () => {
    const first = await runNode(upsertContactNode, { input: [mention('m1')] });
    const withEmail = await runWith(upsertContactNode, first.data, {
      input: [mention('m2')],
      params: { email: ' Wang@Example.com ' },
    });
    const byEmail = await runWith(upsertContactNode, withEmail.data, {
      input: [{ note: 'form submission' }],
      params: { email: 'wang@example.com', phone: '+86 138-0013-8000' },
    });
    const contacts = recordsOf(byEmail, 'contacts');
    expect(contacts.size).toBe(1);
    expect([...contacts.values()][0]).toMatchObject({
      emails: ['wang@example.com'],
      phones: ['+8613800138000'],
    });
    expect(byEmail.output.main?.[0]).toMatchObject({ contactAction: 'updated' });
    expect(recordsOf(byEmail, 'contact-keys').has('phone:+8613800138000')).toBe(true);
  });

  it('flags two contacts that turn out to share an identity instead of merging them', async () => {
    const twoPeople = await runNode(upsertContactNode, {
      input: [mention('m1'), mention('m2', { source: 'zhihu', author: { id: 'z-9', name: 'Wang' } })],
      itemParams: (_item, index) => ({ email: index === 0 ? 'wang@example.com' : 'other@example.com' }),
    });
    const ids = (twoPeople.output.main ?? []).map((item) => (item.contact as { id: string }).id);
    expect(new Set(ids).size).toBe(2);
    const linked = await runWith(upsertContactNode, twoPeople.data, {
      input: [mention('m3', { source: 'zhihu', author: { id: 'z-9', name: 'Wang' } })],
      params: { email: 'wang@example.com' },
    });
    expect(linked.output.main?.[0]?.contact).toMatchObject({ id: ids[0], possibleDuplicates: [ids[1]] });
    expect(recordsOf(linked, 'contact-keys').get('handle:zhihu:z-9')).toEqual({ contactId: ids[1] });
  });

  it('derives the same contact id on a replay, so nothing is duplicated', async () => {
    const once = await runNode(upsertContactNode, { input: [mention('m1')] });
    const again = await runNode(upsertContactNode, { input: [mention('m1')] });
    expect(once.output.main?.[0]?.contact).toEqual(again.output.main?.[0]?.contact);
  });

  it('fails clearly when an item has nothing to know the contact by', async () => {
    await expect(runNode(upsertContactNode, { input: [{ text: 'anonymous' }] })).rejects.toMatchObject({
      code: 'CONTACT_IDENTITY_MISSING',
    });
  });
});
