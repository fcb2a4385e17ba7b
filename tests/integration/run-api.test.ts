import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlakyServer, startFlakyServer } from './flaky-server.js';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
let flaky: FlakyServer;
beforeAll(async () => {
  server = await startTestServer({ allowNetworks: ['127.0.0.0/8'] });
  flaky = await startFlakyServer();
});
afterAll(async () => {
  await server.close();
  await flaky.close();
});

type Step = {
  nodeId: string;
  status: string;
  attempts: number;
  output?: Record<string, unknown[]>;
  error?: { code: string };
};
type Execution = { id: string; status: string; version: number; steps: Step[]; error?: { code: string } };

async function runWorkflow(workflow: unknown, items: unknown[] = [{}]) {
  const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', workflow);
  expect(created.status).toBe(201);
  const run = await server.call<{ executionId: string; status: string; output?: Record<string, unknown[]> }>(
    'POST',
    `/api/v1/workflows/${created.body.id}/run`,
    { items },
  );
  const execution = await server.call<Execution>('GET', `/api/v1/executions/${run.body.executionId}`);
  const steps = Object.fromEntries(execution.body.steps.map((step) => [step.nodeId, step]));
  return { run: run.body, execution: execution.body, steps };
}

describe('running workflows', () => {
  it('sends each item down the branch its condition picks and merges them back', async () => {
    const { run, steps } = await runWorkflow(
      {
        name: 'branches',
        nodes: [
          node('start', 'core/manual@1'),
          node('check', 'core/if@1', { condition: '{{ $json.n > 1 }}' }),
          node('big', 'core/set@1', { fields: { size: 'big' } }),
          node('small', 'core/set@1', { fields: { size: 'small' } }),
          node('join', 'core/merge@1', { mode: 'append' }),
        ],
        edges: [
          edge('start', 'check'),
          edge('check', 'big', 'true'),
          edge('check', 'small', 'false'),
          edge('big', 'join', 'main', 'a'),
          edge('small', 'join', 'main', 'b'),
        ],
      },
      [{ n: 1 }, { n: 2 }, { n: 3 }],
    );
    expect(run.status).toBe('succeeded');
    expect(steps.check?.output).toEqual({ true: [{ n: 2 }, { n: 3 }], false: [{ n: 1 }] });
    expect(run.output?.main).toEqual([
      { n: 2, size: 'big' },
      { n: 3, size: 'big' },
      { n: 1, size: 'small' },
    ]);
  });

  it('skips a branch that receives no items', async () => {
    const { run, steps } = await runWorkflow({
      name: 'skip',
      nodes: [
        node('start', 'core/manual@1'),
        node('check', 'core/if@1', { condition: false }),
        node('yes', 'core/set@1', { fields: { picked: true } }),
      ],
      edges: [edge('start', 'check'), edge('check', 'yes', 'true')],
    });
    expect(run.status).toBe('succeeded');
    expect(steps.yes?.status).toBe('skipped');
  });

  it('retries a failing node with backoff until it succeeds', async () => {
    const key = `retry-${Date.now()}`;
    const { run, steps } = await runWorkflow({
      name: 'retry',
      nodes: [
        node('start', 'core/manual@1'),
        node(
          'call',
          'core/http@1',
          { url: `${flaky.url}/fail-2-times/${key}`, method: 'GET' },
          {
            retry: { maxAttempts: 3, delayMs: 10, factor: 2 },
          },
        ),
      ],
      edges: [edge('start', 'call')],
    });
    expect(run.status).toBe('succeeded');
    expect(steps.call?.attempts).toBe(3);
    expect(flaky.hits.get(`/fail-2-times/${key}`)).toBe(3);
  });

  it('fails the execution when a node fails after its attempts', async () => {
    const { run, execution, steps } = await runWorkflow({
      name: 'fail',
      nodes: [
        node('start', 'core/manual@1'),
        node('call', 'core/http@1', { url: `${flaky.url}/always-500` }),
      ],
      edges: [edge('start', 'call')],
    });
    expect(run.status).toBe('failed');
    expect(execution.status).toBe('failed');
    expect(steps.call?.status).toBe('failed');
    expect(steps.call?.error?.code).toBeTruthy();
  });

  it('routes a failed node to its error port', async () => {
    const { run, steps } = await runWorkflow({
      name: 'error port',
      nodes: [
        node('start', 'core/manual@1'),
        node('call', 'core/http@1', { url: `${flaky.url}/always-500` }, { onError: 'errorPort' }),
        node('handle', 'core/set@1', { fields: { handled: true } }),
      ],
      edges: [edge('start', 'call'), edge('call', 'handle', 'error')],
    });
    expect(run.status).toBe('succeeded');
    expect(steps.call?.output?.error).toHaveLength(1);
    expect(run.output?.main?.[0]).toMatchObject({ handled: true, error: expect.any(Object) });
  });

  it('continues past a failed node when told to', async () => {
    const { run, steps } = await runWorkflow({
      name: 'continue',
      nodes: [
        node('start', 'core/manual@1'),
        node('call', 'core/http@1', { url: `${flaky.url}/always-500` }, { onError: 'continue' }),
        node('after', 'core/set@1', { fields: { after: true } }),
      ],
      edges: [edge('start', 'call'), edge('call', 'after')],
    });
    expect(run.status).toBe('succeeded');
    expect(steps.after?.status).toBe('succeeded');
    expect(run.output?.main?.[0]).toMatchObject({ after: true, error: expect.any(Object) });
  });

  it('runs another workflow as a sub-workflow and uses its output', async () => {
    const child = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'child',
      nodes: [node('start', 'core/manual@1'), node('tag', 'core/set@1', { fields: { fromChild: true } })],
      edges: [edge('start', 'tag')],
    });
    const { run } = await runWorkflow(
      {
        name: 'parent',
        nodes: [
          node('start', 'core/manual@1'),
          node('call', 'core/subworkflow@1', { workflowId: child.body.id }),
        ],
        edges: [edge('start', 'call')],
      },
      [{ n: 1 }],
    );
    expect(run.status).toBe('succeeded');
    expect(run.output?.main).toEqual([{ n: 1, fromChild: true }]);
  });

  it('gives the Code node what expressions see: upstream nodes, the execution, helpers', async () => {
    const { run } = await runWorkflow(
      {
        name: 'code scope',
        nodes: [
          node('start', 'core/manual@1'),
          node('brand', 'core/set@1', { fields: { brand: 'Acme' } }, { name: 'Brand' }),
          node('code', 'core/code@1', {
            mode: 'each',
            code: 'return { ...item, shout: $str.upper($node["Brand"].json.brand), ran: $execution.id, first: $node.start.json.n, flow: $workflow.name };',
          }),
        ],
        edges: [edge('start', 'brand'), edge('brand', 'code')],
      },
      [{ n: 1 }, { n: 2 }],
    );
    expect(run.status).toBe('succeeded');
    const ran = (run as { executionId?: string }).executionId;
    expect(run.output?.main).toEqual([
      { n: 1, brand: 'Acme', shout: 'ACME', ran, first: 1, flow: 'code scope' },
      { n: 2, brand: 'Acme', shout: 'ACME', ran, first: 1, flow: 'code scope' },
    ]);
  });

  it("runs n8n's idioms: $input and $('Name') in a Code node and in expressions", async () => {
    const { run } = await runWorkflow(
      {
        name: 'n8n idioms',
        nodes: [
          node('start', 'core/manual@1'),
          node('brand', 'core/set@1', { fields: { brand: 'Acme' } }, { name: 'Brand' }),
          node('code', 'core/code@1', {
            mode: 'all',
            code: 'return $input.all().map((i) => ({ json: { n: i.json.n, brand: $("Brand").first().json.brand } }));',
          }),
          node('label', 'core/set@1', {
            fields: {
              label:
                '{{ $input.item.json.n }} of {{ $input.all().length }} from {{ $("start").last().json.n }}',
            },
          }),
        ],
        edges: [edge('start', 'brand'), edge('brand', 'code'), edge('code', 'label')],
      },
      [{ n: 1 }, { n: 2 }],
    );
    expect(run.status).toBe('succeeded');
    expect(run.output?.main).toEqual([
      { n: 1, brand: 'Acme', label: '1 of 2 from 2' },
      { n: 2, brand: 'Acme', label: '2 of 2 from 2' },
    ]);
  });

  it("traces $('Name').item back through a filter, a reshaping Set and a scoring plugin", async () => {
    const { run } = await runWorkflow(
      {
        name: 'paired items',
        nodes: [
          node('start', 'core/manual@1', {}, { name: 'Mentions' }),
          node('loud', 'core/filter@1', { condition: '{{ $json.followers > 100 }}' }),
          node('short', 'core/set@1', { fields: { who: '{{ $json.author }}' }, keepOthers: false }),
          node('feel', 'scoring/sentiment@1', {}),
          node('reply', 'core/set@1', {
            fields: {
              to: '{{ $("Mentions").item.json.author }}',
              about: '{{ $("Mentions").item.json.text }}',
              n: "{{ $('Mentions').all().length }}",
            },
          }),
        ],
        edges: [edge('start', 'loud'), edge('loud', 'short'), edge('short', 'feel'), edge('feel', 'reply')],
      },
      [
        { author: 'ana', followers: 5200, text: 'love it' },
        { author: 'bo', followers: 12, text: 'meh' },
        { author: 'cy', followers: 900, text: 'broken again' },
      ],
    );
    expect(run.status).toBe('succeeded');
    expect(run.output?.main).toEqual([
      expect.objectContaining({ who: 'ana', to: 'ana', about: 'love it', n: 3 }),
      expect.objectContaining({ who: 'cy', to: 'cy', about: 'broken again', n: 3 }),
    ]);
  });

  it("traces $('Name').item through a Code node that filters and says each item's pairedItem", async () => {
    const keepLoud =
      'return $input.all().flatMap((i, index) => i.json.followers > 100 ? [{ json: { who: i.json.author }, pairedItem: index }] : []);';
    const { run } = await runWorkflow(
      {
        name: 'paired by code',
        nodes: [
          node('start', 'core/manual@1', {}, { name: 'Mentions' }),
          node('loud', 'core/code@1', { mode: 'all', code: keepLoud }),
          node('reply', 'core/set@1', { fields: { about: '{{ $("Mentions").item.json.text }}' } }),
        ],
        edges: [edge('start', 'loud'), edge('loud', 'reply')],
      },
      [
        { author: 'ana', followers: 5200, text: 'love it' },
        { author: 'bo', followers: 12, text: 'meh' },
        { author: 'cy', followers: 900, text: 'broken again' },
      ],
    );
    expect(run.status).toBe('succeeded');
    expect(run.output?.main).toEqual([
      { who: 'ana', about: 'love it' },
      { who: 'cy', about: 'broken again' },
    ]);
  });

  it('stops a workflow that calls itself before it runs away', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'recursive',
      nodes: [node('start', 'core/manual@1')],
      edges: [],
    });
    const id = created.body.id;
    await server.call('PUT', `/api/v1/workflows/${id}`, {
      name: 'recursive',
      nodes: [node('start', 'core/manual@1'), node('again', 'core/subworkflow@1', { workflowId: id })],
      edges: [edge('start', 'again')],
    });
    const run = await server.call<{ status: string; error: { message: string } }>(
      'POST',
      `/api/v1/workflows/${id}/run`,
      {},
    );
    expect(run.body.status).toBe('failed');
    expect(run.body.error.message).toMatch(/nested more than 10 deep/);
  });

  it('blocks outbound requests to private addresses unless allowed', async () => {
    const guarded = await startTestServer();
    try {
      const created = await guarded.call<{ id: string }>('POST', '/api/v1/workflows', {
        name: 'ssrf',
        nodes: [
          node('start', 'core/manual@1'),
          node('call', 'core/http@1', { url: `${flaky.url}/anything` }),
        ],
        edges: [edge('start', 'call')],
      });
      const run = await guarded.call<{ status: string; error: { code: string } }>(
        'POST',
        `/api/v1/workflows/${created.body.id}/run`,
        {},
      );
      expect(run.body.status).toBe('failed');
      expect(run.body.error.code).toBe('HTTP_BLOCKED');
    } finally {
      await guarded.close();
    }
  });

  it('lists executions with filters and a cursor', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'listing',
      nodes: [node('start', 'core/manual@1')],
      edges: [],
    });
    for (let run = 0; run < 3; run += 1) {
      await server.call('POST', `/api/v1/workflows/${created.body.id}/run`, {});
    }
    const page = await server.call<{ items: { id: string }[]; total: number; nextCursor?: string }>(
      'GET',
      `/api/v1/executions?workflowId=${created.body.id}&limit=2`,
    );
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const next = await server.call<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/executions?workflowId=${created.body.id}&limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items).toHaveLength(1);
    const failed = await server.call<{ total: number }>(
      'GET',
      `/api/v1/executions?workflowId=${created.body.id}&status=failed`,
    );
    expect(failed.body.total).toBe(0);
  });
});
