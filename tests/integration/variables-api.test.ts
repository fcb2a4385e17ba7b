import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Problem = { error: { code: string; message: string; details?: unknown } };

describe('workspace variables', () => {
  it('are set, listed and read as $vars by expressions and Code nodes of later runs', async () => {
    expect((await server.call('PUT', '/api/v1/variables/brand', { value: 'Acme' })).status).toBe(200);
    await server.call('PUT', '/api/v1/variables/regions', { value: ['cn', 'tw'] });
    const listed = await server.call<{ items: { key: string; value: unknown }[] }>(
      'GET',
      '/api/v1/variables',
    );
    expect(listed.body.items.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'brand', value: 'Acme' },
      { key: 'regions', value: ['cn', 'tw'] },
    ]);

    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'uses variables',
      nodes: [
        node('start', 'core/manual@1'),
        node('tag', 'core/set@1', { fields: { brand: '{{ $vars.brand }}' } }),
        node('code', 'core/code@1', {
          code: 'return items.map((item) => ({ ...item, regions: $vars.regions }));',
        }),
      ],
      edges: [edge('start', 'tag'), edge('tag', 'code')],
    });
    const run = async () =>
      (
        await server.call<{ output: { main: unknown[] } }>(
          'POST',
          `/api/v1/workflows/${created.body.id}/run`,
          {
            items: [{ n: 1 }],
          },
        )
      ).body.output.main;
    expect(await run()).toEqual([{ n: 1, brand: 'Acme', regions: ['cn', 'tw'] }]);

    await server.call('PUT', '/api/v1/variables/brand', { value: 'Acme Asia' });
    expect(await server.call('DELETE', '/api/v1/variables/regions')).toMatchObject({ status: 204 });
    expect(await run()).toEqual([{ n: 1, brand: 'Acme Asia' }]);
  });

  it('refuses keys that are not identifiers and null values, saying where', async () => {
    const badKey = await server.call<Problem>('PUT', '/api/v1/variables/brand-name', { value: 'x' });
    expect(badKey.status).toBe(400);
    expect(JSON.stringify(badKey.body.error.details)).toContain('key');
    const nullValue = await server.call<Problem>('PUT', '/api/v1/variables/brand', { value: null });
    expect(nullValue.status).toBe(400);
    expect(JSON.stringify(nullValue.body.error.details)).toContain('value');
    const missing = await server.call<Problem>('DELETE', '/api/v1/variables/never');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});
