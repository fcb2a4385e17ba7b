import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type ErrorResponse = {
  error: { code: string; message: string; details?: { problems?: { code: string }[] } };
};

async function workflowCount() {
  return (await server.call<{ items: unknown[] }>('GET', '/api/v1/workflows')).body.items.length;
}

describe('bad input', () => {
  it('answers malformed JSON with a 400 and stores nothing', async () => {
    const before = await workflowCount();
    const response = await server.call<ErrorResponse>('POST', '/api/v1/workflows', '{"name": "broken",');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
    expect(await workflowCount()).toBe(before);
  });

  it('answers an unknown node type with a 400 naming it', async () => {
    const before = await workflowCount();
    const response = await server.call<ErrorResponse>('POST', '/api/v1/workflows', {
      name: 'unknown',
      nodes: [node('a', 'mystery/node@1')],
      edges: [],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('WORKFLOW_INVALID');
    expect(response.body.error.message).toContain('mystery/node@1');
    expect(await workflowCount()).toBe(before);
  });

  it('answers a cycle with a 400', async () => {
    const response = await server.call<ErrorResponse>('POST', '/api/v1/workflows', {
      name: 'loop',
      nodes: [node('a', 'core/set@1'), node('b', 'core/set@1')],
      edges: [edge('a', 'b'), edge('b', 'a')],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details?.problems?.map((problem) => problem.code)).toContain('CYCLE');
  });

  it('answers a schema error with the zod path', async () => {
    const response = await server.call<ErrorResponse>('POST', '/api/v1/workflows', {
      name: '',
      nodes: 'none',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain('"nodes"');
  });

  it('answers a 20 MB body with a 413 and keeps serving', async () => {
    const before = await workflowCount();
    const huge = JSON.stringify({ name: 'x'.repeat(20 * 1024 * 1024), nodes: [], edges: [] });
    const response = await fetch(`${server.url}/api/v1/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorResponse).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await workflowCount()).toBe(before);
    expect((await server.call('GET', '/healthz')).body).toEqual({ status: 'ok' });
  });

  it('answers a 20 MB webhook payload with a 413', async () => {
    const response = await fetch(`${server.url}/hooks/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'y'.repeat(20 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  // Parsing takes such text, but the request schemas ran out of stack at 3,000 levels (a 500),
  // and storing a webhook's items at 6,000.
  it('answers a JSON body nested thousands of levels deep with a 400, API and webhooks alike', async () => {
    const deep = `${'['.repeat(6_000)}1${']'.repeat(6_000)}`;
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'deep',
      nodes: [node('hook', 'core/webhook@1', { path: 'deep', method: 'POST' })],
      edges: [],
    });
    await server.call('POST', `/api/v1/workflows/${created.body.id}/activate`);
    for (const [path, body] of [
      [`/api/v1/workflows/${created.body.id}/run`, `{"items":[{"v":${deep}}]}`],
      ['/hooks/deep', `{"v":${deep}}`],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'BAD_REQUEST',
          message: 'The request body nests arrays and objects deeper than 256 levels',
        },
      });
    }
    const executions = await server.call<{ total: number }>(
      'GET',
      `/api/v1/executions?workflowId=${created.body.id}`,
    );
    expect(executions.body.total).toBe(0);
  });

  it('answers unknown routes and ids with 404 in the error shape', async () => {
    const missing = await server.call<ErrorResponse>('GET', '/api/v1/workflows/does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect((await server.call<ErrorResponse>('GET', '/api/v1/nothing-here')).status).toBe(404);
  });

  it('answers a workspace that does not exist with a 404, and stores nothing there', async () => {
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { 'x-sbss-workspace': 'nowhere', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = await send('POST', '/api/v1/workflows', { name: 'lost', nodes: [], edges: [] });
    expect(created.status).toBe(404);
    expect(await created.json()).toMatchObject({
      error: { code: 'NOT_FOUND', message: 'No workspace nowhere' },
    });
    expect((await send('GET', '/api/v1/workflows')).status).toBe(404);
    expect((await send('PUT', '/api/v1/variables/brand', { value: 'x' })).status).toBe(404);
  });

  it('rejects invalid run bodies with the failing path', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'runs',
      nodes: [node('start', 'core/manual@1')],
      edges: [],
    });
    const response = await server.call<ErrorResponse>('POST', `/api/v1/workflows/${created.body.id}/run`, {
      items: 'not a list',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toContain('items');
  });
});

describe('server surface', () => {
  it('serves an OpenAPI document describing the API', async () => {
    const doc = await server.call<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/v1/openapi.json',
    );
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/workflows', '/workflows/{id}/run']),
    );
  });

  it('describes node types with JSON Schema params', async () => {
    const types = await server.call<{ type: string; params: { type: string } }[]>(
      'GET',
      '/api/v1/node-types',
    );
    const set = types.body.find((entry) => entry.type === 'core/set@1');
    expect(set?.params.type).toBe('object');
  });

  it('never returns credential secrets', async () => {
    const created = await server.call('POST', '/api/v1/credentials', {
      name: 'hubspot',
      type: 'hubspot-token',
      data: { token: 'pat-secret-value' },
    });
    expect(created.status).toBe(201);
    const list = await server.call('GET', '/api/v1/credentials');
    expect(JSON.stringify([created.body, list.body])).not.toContain('pat-secret-value');
  });

  it('exposes metrics in the Prometheus format', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(await response.text()).toContain('sbss_executions_running');
  });
});

describe('collections API', () => {
  it('stores, reads, filters and counts workspace records', async () => {
    for (const [key, status] of [
      ['c1', 'open'],
      ['c2', 'open'],
      ['c3', 'resolved'],
    ]) {
      expect((await server.call('PUT', `/api/v1/collections/cases/records/${key}`, { status })).status).toBe(
        200,
      );
    }
    const open = await server.call<{ items: { key: string }[] }>(
      'GET',
      `/api/v1/collections/cases/records?where=${encodeURIComponent('{"status":"open"}')}`,
    );
    expect(open.body.items.map((record) => record.key).sort()).toEqual(['c1', 'c2']);
    const counts = await server.call<{ rows: { group: string; count: number }[] }>(
      'GET',
      '/api/v1/collections/cases/aggregate?groupBy=status',
    );
    expect(counts.body.rows).toEqual(
      expect.arrayContaining([
        { group: 'open', count: 2 },
        { group: 'resolved', count: 1 },
      ]),
    );
    expect((await server.call('GET', '/api/v1/collections/cases/records/c3')).body).toMatchObject({
      data: { status: 'resolved' },
    });
  });

  it('rejects a where that is not a JSON object', async () => {
    const response = await server.call<ErrorResponse>(
      'GET',
      '/api/v1/collections/cases/records?where=status',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('where');
  });
});
