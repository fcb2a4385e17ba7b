import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const greeting = {
  name: 'Greeting',
  nodes: [
    node('start', 'core/manual@1'),
    node('hello', 'core/set@1', { fields: { greeting: 'hi {{ $json.name }}' } }),
  ],
  edges: [edge('start', 'hello')],
};

type Problem = { code: string; path: (string | number)[]; nodeId?: string; details?: unknown };

describe('workflows API', () => {
  it('creates a workflow as version 1 and reads it back', async () => {
    const created = await server.call<{ id: string; version: number }>('POST', '/api/v1/workflows', greeting);
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    const read = await server.call<{ name: string; nodes: unknown[] }>(
      'GET',
      `/api/v1/workflows/${created.body.id}`,
    );
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Greeting');
    expect(read.body.nodes).toHaveLength(2);
  });

  it('keeps every saved version and reads old ones back', async () => {
    const { body } = await server.call<{ id: string }>('POST', '/api/v1/workflows', greeting);
    const saved = await server.call<{ version: number }>('PUT', `/api/v1/workflows/${body.id}`, {
      ...greeting,
      name: 'Greeting v2',
    });
    expect(saved.body.version).toBe(2);
    const versions = await server.call<{ items: { version: number }[] }>(
      'GET',
      `/api/v1/workflows/${body.id}/versions`,
    );
    expect(versions.body.items.map((item) => item.version).sort()).toEqual([1, 2]);
    const first = await server.call<{ name: string }>('GET', `/api/v1/workflows/${body.id}/versions/1`);
    expect(first.body.name).toBe('Greeting');
  });

  it('deletes a workflow', async () => {
    const { body } = await server.call<{ id: string }>('POST', '/api/v1/workflows', greeting);
    expect((await server.call('DELETE', `/api/v1/workflows/${body.id}`)).status).toBe(204);
    expect((await server.call('GET', `/api/v1/workflows/${body.id}`)).status).toBe(404);
  });

  it('runs a workflow and returns the last node output', async () => {
    const { body } = await server.call<{ id: string }>('POST', '/api/v1/workflows', greeting);
    const run = await server.call<{ status: string; output: { main: unknown[] } }>(
      'POST',
      `/api/v1/workflows/${body.id}/run`,
      { items: [{ name: 'Ana' }, { name: '小明' }] },
    );
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('succeeded');
    expect(run.body.output.main).toEqual([
      { name: 'Ana', greeting: 'hi Ana' },
      { name: '小明', greeting: 'hi 小明' },
    ]);
  });
});

describe('POST /api/v1/workflows/validate', () => {
  const validate = async (workflow: unknown) =>
    (
      await server.call<{ valid: boolean; problems: Problem[] }>(
        'POST',
        '/api/v1/workflows/validate',
        workflow,
      )
    ).body;

  it('accepts a sound workflow', async () => {
    expect(await validate(greeting)).toMatchObject({ valid: true });
  });

  it('reports a schema error with its zod path', async () => {
    const result = await validate({ ...greeting, nodes: [{ id: 'x', type: 'not a type' }] });
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA', path: ['nodes', 0, 'type'] }),
    );
  });

  it('reports unknown node types', async () => {
    const result = await validate({ name: 'x', nodes: [node('a', 'nope/missing@1')], edges: [] });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', nodeId: 'a' }),
    );
  });

  it('reports invalid params at their path', async () => {
    const result = await validate({
      name: 'x',
      nodes: [node('l', 'core/limit@1', { maxItems: 'many' })],
      edges: [],
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'PARAMS_INVALID', path: ['nodes', 0, 'params', 'maxItems'] }),
    );
  });

  it("reports what a plugin node's own check finds, run in its isolate, with the column and pointer", async () => {
    const monitor = (query: string) => node('m', 'listening/monitor@1', { query });
    const taxonomy = 'billing:\n  query: "refund AND (late"';
    const result = await validate({
      name: 'x',
      nodes: [
        node('start', 'core/manual@1'),
        monitor('(发货 OR 物流'),
        node('t', 'scoring/topics@1', { taxonomy }),
        { ...monitor('{{ $vars.brandQuery }}'), id: 'from-vars' },
      ],
      edges: [edge('start', 'm'), edge('m', 't', 'matched'), edge('start', 'from-vars')],
    });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      {
        code: 'PARAMS_INVALID',
        severity: 'error',
        message: 'Missing ")" to close the "(" at column 1 (column 10)',
        nodeId: 'm',
        path: ['nodes', 1, 'params', 'query'],
        details: { column: 10, pointer: '(发货 OR 物流\n \u3000\u3000    \u3000\u3000^' },
      },
      {
        code: 'PARAMS_INVALID',
        severity: 'error',
        message: expect.stringContaining('billing.query: Missing ")"'),
        nodeId: 't',
        path: ['nodes', 2, 'params', 'taxonomy'],
        details: { column: 17, pointer: `refund AND (late\n${' '.repeat(16)}^` },
      },
    ]);
    const lowerCase = await validate({
      name: 'x',
      nodes: [node('start', 'core/manual@1'), monitor('华为 and 退款')],
      edges: [edge('start', 'm')],
    });
    expect(lowerCase).toEqual({
      valid: true,
      problems: [
        expect.objectContaining({
          code: 'PARAMS_WARNING',
          severity: 'warning',
          message: '"and" is searched as a word: the operator is written AND (column 4)',
        }),
      ],
    });
    const fixed = await validate({
      name: 'x',
      nodes: [node('start', 'core/manual@1'), monitor('(发货 OR 物流)')],
      edges: [edge('start', 'm')],
    });
    expect(fixed).toEqual({ valid: true, problems: [] });
  });

  it("reports a Code node's syntax error at its line and column, without running the code", async () => {
    const code = 'for (;;) {}\nreturn items.map((i) => ({ ...i, n: }));';
    const result = await validate({
      name: 'x',
      nodes: [node('start', 'core/manual@1'), node('c', 'core/code@1', { code })],
      edges: [edge('start', 'c')],
    });
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'PARAMS_INVALID',
        path: ['nodes', 1, 'params', 'code'],
        message: "Unexpected token '}' (line 2, column 37)",
        details: {
          line: 2,
          column: 37,
          pointer: `return items.map((i) => ({ ...i, n: }));\n${' '.repeat(36)}^`,
        },
      }),
    ]);
  });

  it('reports a syntax error in an expression at its param, pointing into the text', async () => {
    const result = await validate({
      name: 'x',
      nodes: [
        node('start', 'core/manual@1'),
        node('loud', 'core/if@1', { condition: '{{ $json.sentiment.label === }}' }),
      ],
      edges: [edge('start', 'loud')],
    });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'EXPRESSION_INVALID',
        severity: 'error',
        path: ['nodes', 1, 'params', 'condition'],
        message:
          'Expression "{{ $json.sentiment.label === }}" has a syntax error: it ends before it is complete',
        details: { line: 1, column: 29, pointer: `{{ $json.sentiment.label === }}\n${' '.repeat(28)}^` },
      }),
    ]);
  });

  it('reports cycles, dangling edges and unknown ports', async () => {
    const result = await validate({
      name: 'x',
      nodes: [node('a', 'core/set@1'), node('b', 'core/set@1'), node('c', 'core/if@1', { condition: true })],
      edges: [edge('a', 'b'), edge('b', 'a'), edge('a', 'ghost'), edge('c', 'a', 'maybe')],
    });
    const codes = result.problems.map((problem) => problem.code);
    expect(codes).toEqual(expect.arrayContaining(['CYCLE', 'DANGLING_EDGE', 'UNKNOWN_PORT']));
  });
});
