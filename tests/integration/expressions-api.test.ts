import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Preview = { ok: true; value: unknown } | { ok: false; message: string };
type Problem = { error: { code: string; details?: { path: (string | number)[] }[] } };

const preview = (template: string, scope: Record<string, unknown> = {}) =>
  server.call<Preview>('POST', '/api/v1/expressions/preview', {
    template,
    scope: { json: { text: 'love the new phone', followers: 5200, tags: ['a', 'b'] }, ...scope },
  });

describe('GET /api/v1/expressions/functions', () => {
  it("lists n8n's functions by the type of value they work on", async () => {
    const listed = await server.call<Record<string, string[]>>('GET', '/api/v1/expressions/functions');
    expect(Object.keys(listed.body)).toEqual(['string', 'number', 'array', 'object', 'date']);
    expect(listed.body.string).toContain('toTitleCase');
    expect(listed.body.array).toContain('sum');
  });
});

describe('POST /api/v1/expressions/preview', () => {
  it('evaluates what a run would: arrow functions, the helpers, Luxon and $vars', async () => {
    const answer = async (template: string, scope?: Record<string, unknown>) =>
      (await preview(template, scope)).body;
    expect(await answer('{{ $json.tags.map((t) => t.toUpperCase()).join("+") }}')).toEqual({
      ok: true,
      value: 'A+B',
    });
    expect(await answer('{{ $str.truncate($json.text, 8) }}')).toEqual({ ok: true, value: 'love th…' });
    expect(await answer('{{ $num.percent(1, 3) }}%')).toEqual({ ok: true, value: '33.33%' });
    expect(
      await answer('{{ DateTime.now().plus({ days: 1 }).toISODate() }}', { now: '2024-03-10T15:45:30.000Z' }),
    ).toEqual({ ok: true, value: '2024-03-11' });
    expect(
      await answer('{{ $vars.brand }}: {{ $workflow.name }}', {
        vars: { brand: 'Acme' },
        workflow: { id: 'w', name: 'Brand watch', version: 2 },
      }),
    ).toEqual({ ok: true, value: 'Acme: Brand watch' });
  });

  it('reads upstream nodes, and $("Name").item as the item the sample came from', async () => {
    const nodes = { Mentions: { items: [{ author: 'ana' }, { author: 'bo' }, { author: 'cy' }] } };
    const traced = await preview('{{ $("Mentions").item.json.author }} of {{ $("Mentions").all().length }}', {
      nodes,
      paired: { Mentions: 2 },
    });
    expect(traced.body).toEqual({ ok: true, value: 'cy of 3' });
    const untraced = await preview('{{ $("Mentions").item.json.author }}', { nodes });
    expect(untraced.body).toMatchObject({ ok: false, message: expect.stringMatching(/first\(\)/) });
  });

  it('answers a failing expression as a failed preview, and a bad request with a 400', async () => {
    const failed = await preview('{{ $json.missing.deeper }}');
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ ok: false, message: expect.stringMatching(/deeper/) });
    const looping = await preview('{{ (() => { for (;;) {} })() }}');
    expect(looping.body).toMatchObject({ ok: false });

    const bad = await server.call<Problem>('POST', '/api/v1/expressions/preview', {
      template: '{{ 1 }}',
      scope: { json: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details?.[0]?.path).toEqual(['scope', 'json']);
  });
});
