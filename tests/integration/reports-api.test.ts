import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.call('PUT', '/api/v1/collections/reports/records/weekly-1', {
    id: 'weekly-1',
    title: 'Share of voice, week 47',
    html: '<!doctype html><html><body><h1>Share of voice</h1><script>alert(1)</script></body></html>',
    createdAt: '2026-11-23T08:00:00.000Z',
    summary: 'Acme 41%, Globex 33%',
  });
});
afterAll(() => server.close());

describe('reports API', () => {
  it('lists stored reports without their HTML', async () => {
    const list = await server.call<{ items: Record<string, unknown>[] }>('GET', '/api/v1/reports');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: 'weekly-1', title: 'Share of voice, week 47' }),
    ]);
    expect(list.body.items[0]).not.toHaveProperty('html');
  });

  it('serves a report as HTML that may not run scripts', async () => {
    const response = await fetch(`${server.url}/api/v1/reports/weekly-1/html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<h1>Share of voice</h1>');
  });

  it('prints a report to PDF where Chromium is installed', async () => {
    const response = await fetch(`${server.url}/api/v1/reports/weekly-1/pdf`);
    if (!existsSync('/usr/bin/chromium')) {
      expect(response.status).toBe(503);
      return;
    }
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('answers 404 for a report that does not exist', async () => {
    expect((await fetch(`${server.url}/api/v1/reports/nope/html`)).status).toBe(404);
  });
});
