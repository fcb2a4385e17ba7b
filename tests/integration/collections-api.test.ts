import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const url = (key: string) => `/api/v1/collections/cases/records/${key}`;

function put(key: string, data: unknown, ifMatch?: string) {
  return fetch(`${server.url}${url(key)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    body: JSON.stringify(data),
  });
}

describe('collection records API', () => {
  it('replaces a record with If-Match only at the version that was read, and says 409 otherwise', async () => {
    await put('case-1', { status: 'open' });
    const read = await fetch(`${server.url}${url('case-1')}`);
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toBe(`"${((await read.json()) as { updatedAt: string }).updatedAt}"`);

    // A workflow writes the case after the page read it...
    const workflowWrite = await put('case-1', { status: 'open', mentions: 2 });
    expect(workflowWrite.status).toBe(200);
    // ...so the page's change, made to what it read, must not replace it.
    const stale = await put('case-1', { status: 'closed' }, etag);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');

    const fresh = await fetch(`${server.url}${url('case-1')}`);
    expect(((await fresh.json()) as { data: unknown }).data).toEqual({ status: 'open', mentions: 2 });
    const retried = await put('case-1', { status: 'closed', mentions: 2 }, fresh.headers.get('etag') ?? '');
    expect(retried.status).toBe(200);
    expect(retried.headers.get('etag')).not.toBe(fresh.headers.get('etag'));
  });

  it('refuses If-Match for a record that does not exist', async () => {
    expect((await put('nobody', { a: 1 }, '"2026-01-01T00:00:00.000Z"')).status).toBe(409);
  });
});
