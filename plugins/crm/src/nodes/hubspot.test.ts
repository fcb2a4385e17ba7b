import type { JsonObject } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeHubSpot,
  hubspotToken,
  startFakeHubSpot,
} from '../test-support/fake-hubspot.test-support.js';
import { overHttp } from '../test-support/loopback.test-support.js';
import { recordsOf, runWith } from '../test-support/seeded.test-support.js';
import { hubspotNode } from './hubspot.js';

let hubspot: FakeHubSpot;
beforeEach(async () => {
  hubspot = await startFakeHubSpot();
});
afterEach(() => hubspot.close());

const credentials = () => ({ crm: { token: hubspotToken, baseUrl: hubspot.url } });
const contact = {
  id: 'ct_1',
  name: '小王',
  emails: ['wang@example.com'],
  phones: ['+8613800138000'],
  external: {},
};
const caseItem = {
  contact,
  case: {
    id: 'cs_1',
    subject: '退款太慢',
    priority: 'urgent',
    mentions: [{ text: '客服太慢了', url: 'https://weibo.com/1' }],
  },
};
const workspace = { contacts: { ct_1: contact }, cases: { cs_1: { ...caseItem.case, external: {} } } };
const run = (params: JsonObject, input: JsonObject[], extra = {}) =>
  runWith(hubspotNode, workspace, {
    params: { credential: 'crm', ...params },
    input,
    credentials: credentials(),
    http: overHttp,
    ...extra,
  });

describe('crm/hubspot', () => {
  it('creates a contact with Bearer auth, then updates the same contact found by email', async () => {
    const first = await run({ operation: 'upsert-contact' }, [{ contact }]);
    expect(first.output.main?.[0]?.hubspot).toEqual({ object: 'contact', id: '100', action: 'created' });
    expect(hubspot.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /crm/v3/objects/contacts/search',
      'POST /crm/v3/objects/contacts',
    ]);
    expect(hubspot.received[1]?.json).toEqual({
      properties: { firstname: '小王', phone: '+8613800138000', email: 'wang@example.com' },
    });
    expect(recordsOf(first, 'contacts').get('ct_1')).toMatchObject({ external: { hubspotId: '100' } });
    const second = await run({ operation: 'upsert-contact', properties: { lifecyclestage: 'lead' } }, [
      { contact },
    ]);
    expect(second.output.main?.[0]?.hubspot).toMatchObject({ id: '100', action: 'updated' });
    expect(hubspot.objects.contacts.get('100')?.properties).toMatchObject({ lifecyclestage: 'lead' });
  });

  it('updates the existing contact named by a 409 when search has not caught up yet', async () => {
    await run({ operation: 'upsert-contact' }, [{ contact }]);
    hubspot.searchLags = true;
    const retry = await run({ operation: 'upsert-contact' }, [{ contact }]);
    expect(retry.output.main?.[0]?.hubspot).toMatchObject({ id: '100', action: 'updated' });
    expect(hubspot.objects.contacts.size).toBe(1);
  });

  it('creates a ticket in the default pipeline associated with the contact, and updates it on the next run', async () => {
    const withContact = { ...caseItem, contact: { ...contact, external: { hubspotId: '77' } } };
    const first = await run({}, [withContact]);
    expect(hubspot.received[0]?.json).toEqual({
      properties: {
        subject: '退款太慢',
        content: '客服太慢了\n\nhttps://weibo.com/1',
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        hs_ticket_priority: 'HIGH',
      },
      associations: [
        { to: { id: '77' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16 }] },
      ],
    });
    expect(recordsOf(first, 'cases').get('cs_1')).toMatchObject({ external: { hubspotTicketId: '100' } });
    const again = await runWith(hubspotNode, first.data, {
      params: { credential: 'crm', stage: '2' },
      input: [withContact],
      credentials: credentials(),
      http: overHttp,
      executionId: 'e2',
    });
    expect(again.output.main?.[0]?.hubspot).toMatchObject({ id: '100', action: 'updated' });
    expect(hubspot.objects.tickets.size).toBe(1);
  });

  it('finds a ticket by the idempotency property before creating one', async () => {
    const bare = { ...caseItem, case: { ...caseItem.case, id: 'cs_2' } };
    await run({ idempotencyProperty: 'sbss_key' }, [bare]);
    const fresh = await run({ idempotencyProperty: 'sbss_key' }, [bare]);
    expect(fresh.output.main?.[0]?.hubspot).toMatchObject({ action: 'updated' });
    expect(hubspot.objects.tickets.size).toBe(1);
    expect([...hubspot.objects.tickets.values()][0]?.properties.sbss_key).toBe('cs_2');
  });

  it('fails with RATE_LIMITED on a 429, carrying the policy and the window to wait, and a retry succeeds without duplicates', async () => {
    hubspot.failures.push({
      status: 429,
      headers: { 'x-hubspot-ratelimit-interval-milliseconds': '10000', 'x-hubspot-ratelimit-remaining': '0' },
      body: {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
    });
    const attempt = run({}, [caseItem]);
    await expect(attempt).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { status: 429, policy: 'TEN_SECONDLY_ROLLING', retryAfterMs: 10_000 },
    });
    const retry = await run({}, [caseItem]);
    expect(retry.output.main?.[0]?.hubspot).toMatchObject({ action: 'created' });
    expect(hubspot.objects.tickets.size).toBe(1);
  });

  it('prefers Retry-After when HubSpot sends one', async () => {
    hubspot.failures.push({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { status: 'error', errorType: 'RATE_LIMIT' },
    });
    await expect(run({}, [caseItem])).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterMs: 3000 },
    });
  });

  it('fails with UPSTREAM_UNAVAILABLE on a 5xx so the node retry policy takes over', async () => {
    hubspot.failures.push({ status: 502, body: 'Bad Gateway' });
    await expect(run({}, [caseItem])).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { status: 502 },
    });
  });

  it('reports a rejected token as CREDENTIAL_REJECTED', async () => {
    const result = runNode(hubspotNode, {
      params: { credential: 'crm' },
      input: [caseItem],
      credentials: { crm: { token: 'wrong', baseUrl: hubspot.url } },
      http: overHttp,
    });
    await expect(result).rejects.toMatchObject({ code: 'CREDENTIAL_REJECTED' });
  });

  it('defaults the base URL to the public API host', async () => {
    const requests: string[] = [];
    await runNode(hubspotNode, {
      params: { credential: 'crm' },
      input: [caseItem],
      credentials: { crm: { token: hubspotToken } },
      http: (request) => {
        requests.push(request.url);
        return { status: 201, headers: {}, body: { id: '5' } };
      },
    });
    expect(requests).toEqual(['https://api.hubapi.com/crm/v3/objects/tickets']);
  });
});
