import type { JsonObject, JsonValue } from '@sbss/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clientId,
  clientSecret,
  type FakeSalesforce,
  startFakeSalesforce,
} from '../test-support/fake-salesforce.test-support.js';
import { overHttp } from '../test-support/loopback.test-support.js';
import { recordsOf, runWith } from '../test-support/seeded.test-support.js';
import { salesforceNode } from './salesforce.js';

let salesforce: FakeSalesforce;
beforeEach(async () => {
  salesforce = await startFakeSalesforce();
});
afterEach(() => salesforce.close());

const contact = { id: 'ct_1', name: "Wang O'Neil", emails: ['wang@example.com'], phones: [], external: {} };
const caseItem = {
  contact,
  case: { id: 'cs_1', subject: '退款太慢', priority: 'high', mentions: [{ text: '客服太慢了' }] },
};
const workspace = { contacts: { ct_1: contact }, cases: { cs_1: { ...caseItem.case, external: {} } } };
const credentials = () => ({ sf: { clientId, clientSecret, loginUrl: salesforce.url } });

function run(
  params: JsonObject,
  input: JsonObject[],
  options: {
    state?: Record<string, JsonValue>;
    seed?: typeof workspace | Awaited<ReturnType<typeof runWith>>['data'];
  } = {},
) {
  return runWith(salesforceNode, options.seed ?? workspace, {
    params: { credential: 'sf', ...params },
    input,
    credentials: credentials(),
    http: overHttp,
    ...(options.state ? { state: options.state } : {}),
  });
}

describe('crm/salesforce', () => {
  it('gets a token with the client credentials flow and creates a contact found by an escaped SOQL query', async () => {
    const result = await run({ operation: 'upsert-contact' }, [{ contact }]);
    expect(result.output.main?.[0]?.salesforce).toEqual({
      object: 'Contact',
      id: '003000000000001',
      action: 'created',
    });
    const [token, query, create] = salesforce.received;
    expect(token?.body).toBe(
      `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
    );
    expect(decodeURIComponent(query?.path ?? '')).toBe(
      "/services/data/v62.0/query?q=SELECT Id FROM Contact WHERE Email = 'wang@example.com' LIMIT 1",
    );
    expect(create?.headers.authorization).toBe('Bearer 00D000000000001!session1');
    expect(create?.json).toEqual({ LastName: "Wang O'Neil", Email: 'wang@example.com' });
    expect(recordsOf(result, 'contacts').get('ct_1')).toMatchObject({
      external: { salesforceId: '003000000000001' },
    });
  });

  it('reuses the cached token until it is due to expire', async () => {
    const first = await run({ operation: 'upsert-contact' }, [{ contact }]);
    const again = await run({ operation: 'upsert-contact' }, [{ contact }], {
      state: Object.fromEntries(first.state),
    });
    expect(salesforce.tokensIssued).toBe(1);
    expect(again.output.main?.[0]?.salesforce).toMatchObject({ action: 'updated' });
  });

  it('gets a new token once the cached one reaches the session timeout', async () => {
    const first = await run({ operation: 'upsert-contact' }, [{ contact }]);
    await runWith(salesforceNode, workspace, {
      params: { credential: 'sf', operation: 'upsert-contact' },
      input: [{ contact }],
      credentials: credentials(),
      http: overHttp,
      state: Object.fromEntries(first.state),
      now: new Date(Date.now() + 60 * 60_000),
    });
    expect(salesforce.tokensIssued).toBe(2);
  });

  it('gets a new token once when the session ends early (401 INVALID_SESSION_ID)', async () => {
    const first = await run({ operation: 'upsert-contact' }, [{ contact }]);
    salesforce.revokeSessions();
    const again = await run({ operation: 'upsert-contact' }, [{ contact }], {
      state: Object.fromEntries(first.state),
    });
    expect(salesforce.tokensIssued).toBe(2);
    expect(again.output.main?.[0]?.salesforce).toMatchObject({ action: 'updated' });
  });

  it('creates a case with mapped priority and contact, then updates it on the next run', async () => {
    const withContact = {
      ...caseItem,
      contact: { ...contact, external: { salesforceId: '003000000000009' } },
    };
    const first = await run({}, [withContact]);
    expect(salesforce.received.at(-1)?.json).toEqual({
      Subject: '退款太慢',
      Description: '客服太慢了',
      Status: 'New',
      Origin: 'Web',
      Priority: 'High',
      ContactId: '003000000000009',
    });
    expect(recordsOf(first, 'cases').get('cs_1')).toMatchObject({
      external: { salesforceCaseId: '500000000000001' },
    });
    const again = await run({ status: 'Working' }, [withContact], { seed: first.data });
    expect(again.output.main?.[0]?.salesforce).toMatchObject({ id: '500000000000001', action: 'updated' });
    expect(salesforce.records.Case.size).toBe(1);
    expect(salesforce.records.Case.get('500000000000001')).toMatchObject({ Status: 'Working' });
  });

  it('upserts by an external ID field so a retry after a lost response creates nothing new', async () => {
    await run({ externalIdField: 'SBSS_Key__c' }, [caseItem]);
    const retry = await run({ externalIdField: 'SBSS_Key__c' }, [caseItem]);
    expect(retry.output.main?.[0]?.salesforce).toMatchObject({ id: '500000000000001', action: 'updated' });
    expect(salesforce.received.at(-1)?.path).toBe('/services/data/v62.0/sobjects/Case/SBSS_Key__c/cs_1');
    expect(salesforce.records.Case.size).toBe(1);
  });

  it('fails with RATE_LIMITED on 429 and on 403 REQUEST_LIMIT_EXCEEDED', async () => {
    salesforce.failures.push({ status: 429, headers: { 'retry-after': '2' }, body: [] });
    await expect(run({}, [caseItem])).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterMs: 2000 },
    });
    salesforce.failures.push({
      status: 403,
      body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    });
    await expect(run({}, [caseItem])).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('fails with UPSTREAM_UNAVAILABLE on 503 and succeeds on the retry', async () => {
    salesforce.failures.push({
      status: 503,
      body: [{ message: 'Server unavailable', errorCode: 'SERVER_UNAVAILABLE' }],
    });
    await expect(run({}, [caseItem])).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { status: 503 },
    });
    const retry = await run({}, [caseItem]);
    expect(retry.output.main?.[0]?.salesforce).toMatchObject({ action: 'created' });
  });

  it('reports wrong client credentials as CREDENTIAL_REJECTED', async () => {
    const result = runWith(salesforceNode, workspace, {
      params: { credential: 'sf' },
      input: [caseItem],
      credentials: { sf: { clientId, clientSecret: 'wrong', loginUrl: salesforce.url } },
      http: overHttp,
    });
    await expect(result).rejects.toMatchObject({
      code: 'CREDENTIAL_REJECTED',
      message: expect.stringContaining('invalid_client'),
    });
  });
});
