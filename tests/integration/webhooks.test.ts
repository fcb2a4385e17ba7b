import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function hookWorkflow(path: string, responseMode: string, extra: ReturnType<typeof node>[] = []) {
  const nodes = [
    node('hook', 'core/webhook@1', { path, method: 'POST', responseMode }),
    node('score', 'core/set@1', {
      fields: { score: '{{ $json.followers > 1000 ? 1 : 0 }}', text: '{{ $json.text }}' },
      keepOthers: false,
    }),
    ...extra,
  ];
  const edges = [edge('hook', 'score'), ...extra.map((next) => edge('score', next.id))];
  return { name: `hook ${path}`, nodes, edges };
}

async function activate(workflow: unknown) {
  const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', workflow);
  const activated = await server.call('POST', `/api/v1/workflows/${created.body.id}/activate`);
  return { id: created.body.id, activated };
}

const post = (path: string, body: unknown, prefix = 'hooks') =>
  fetch(`${server.url}/${prefix}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const postTest = (path: string, body: unknown) => post(path, body, 'hooks-test');

describe('webhooks', () => {
  it('answers with the last node output once the workflow is active', async () => {
    const { id, activated } = await activate(hookWorkflow('mentions', 'lastNode'));
    expect(activated.status).toBe(200);
    const response = await post('mentions', { followers: 5000, text: '服务太慢' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ score: 1, text: '服务太慢' });
    const list = await server.call<{ items: { mode: string; status: string }[] }>(
      'GET',
      `/api/v1/executions?workflowId=${id}`,
    );
    expect(list.body.items).toEqual([expect.objectContaining({ mode: 'webhook', status: 'succeeded' })]);
  });

  it('answers with every item of the last node when asked for all items', async () => {
    const workflow = hookWorkflow('batch', 'lastNode');
    workflow.nodes[0] = node('hook', 'core/webhook@1', { path: 'batch', responseData: 'allItems' });
    await activate(workflow);
    const response = await post('batch', [
      { followers: 1, text: 'a' },
      { followers: 5000, text: 'b' },
    ]);
    expect(await response.json()).toEqual([
      { score: 0, text: 'a' },
      { score: 1, text: 'b' },
    ]);
  });

  it('acknowledges at once with the execution id in onReceived mode', async () => {
    await activate(hookWorkflow('fast-ack', 'onReceived'));
    const response = await post('fast-ack', { followers: 1, text: 'hi' });
    const { executionId } = (await response.json()) as { executionId: string };
    expect(response.status).toBe(200);
    const stored = await server.call<{ steps: { nodeId: string; input: { main: unknown[] } }[] }>(
      'GET',
      `/api/v1/executions/${executionId}`,
    );
    expect(stored.status).toBe(200);
  });

  it('lets a respond node choose the status and body', async () => {
    await activate(
      hookWorkflow('custom-answer', 'respondNode', [
        node('answer', 'core/respond@1', { status: 201, body: { accepted: '{{ $json.score }}' } }),
      ]),
    );
    const response = await post('custom-answer', { followers: 2000, text: 'x' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ accepted: 1 });
  });

  it('stops answering after deactivation', async () => {
    const { id } = await activate(hookWorkflow('short-lived', 'lastNode'));
    expect((await post('short-lived', {})).status).toBe(200);
    await server.call('POST', `/api/v1/workflows/${id}/deactivate`);
    const gone = await post('short-lived', {});
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('refuses to activate a second workflow on a path already taken', async () => {
    await activate(hookWorkflow('taken', 'lastNode'));
    const { activated } = await activate(hookWorkflow('taken', 'lastNode'));
    expect(activated.status).toBe(409);
  });

  it('keeps webhooks of active workflows across a restart', async () => {
    const dataDir = server.dataDir;
    const { startServer } = await import('@sbss/server');
    const first = await startServer({
      port: 0,
      dataDir: `${dataDir}-restart`,
      examples: false,
      log: () => {},
    });
    const created = await fetch(`${first.url}/api/v1/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hookWorkflow('survivor', 'lastNode')),
    }).then((response) => response.json() as Promise<{ id: string }>);
    await fetch(`${first.url}/api/v1/workflows/${created.id}/activate`, { method: 'POST' });
    await first.close();
    const second = await startServer({
      port: 0,
      dataDir: `${dataDir}-restart`,
      examples: false,
      log: () => {},
    });
    try {
      const response = await fetch(`${second.url}/hooks/survivor`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ followers: 10, text: 'still here' }),
      });
      expect(await response.json()).toEqual({ score: 0, text: 'still here' });
    } finally {
      await second.close();
    }
  });
});

describe('manual runs of webhook workflows', () => {
  it('treats sample items as request bodies', async () => {
    const created = await server.call<{ id: string }>(
      'POST',
      '/api/v1/workflows',
      hookWorkflow('sampled', 'lastNode'),
    );
    const run = await server.call<{ output: { main: unknown[] } }>(
      'POST',
      `/api/v1/workflows/${created.body.id}/run`,
      {
        items: [{ followers: 4000, text: 'sample' }],
      },
    );
    expect(run.body.output.main).toEqual([{ score: 1, text: 'sample' }]);
  });
});

describe('listening for a test call', () => {
  /** Calls the test URL until the listener is in place, as a user would after pressing "listen". */
  async function callWhenListening(path: string, body: unknown): Promise<Response> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await postTest(path, body);
      if (response.status !== 404) return response;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`Nobody listened at /hooks-test/${path}`);
  }

  it('runs an inactive workflow once with the call, as its webhook would, and answers the execution', async () => {
    const created = await server.call<{ id: string }>(
      'POST',
      '/api/v1/workflows',
      hookWorkflow('trial', 'lastNode'),
    );
    const id = created.body.id;
    const listening = server.call<{ executionId: string | null }>('POST', `/api/v1/workflows/${id}/listen`, {
      nodeId: 'hook',
    });
    const response = await callWhenListening('trial', { followers: 5000, text: '服务太慢' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ score: 1, text: '服务太慢' });
    const { status, body } = await listening;
    expect(status).toBe(200);
    const execution = await server.call<{ workflowId: string; status: string; mode: string }>(
      'GET',
      `/api/v1/executions/${body.executionId}`,
    );
    expect(execution.body).toMatchObject({ workflowId: id, status: 'succeeded', mode: 'webhook' });

    // The listener answered its one call; the production URL was never live.
    expect((await postTest('trial', { followers: 1 })).status).toBe(404);
    expect((await post('trial', { followers: 1 })).status).toBe(404);
  });

  it('keeps listening after a call it refused before starting a run', async () => {
    const created = await server.call<{ id: string }>(
      'POST',
      '/api/v1/workflows',
      hookWorkflow('refused', 'onReceived'),
    );
    const listening = server.call<{ executionId: string | null }>(
      'POST',
      `/api/v1/workflows/${created.body.id}/listen`,
      { nodeId: 'hook', timeoutMs: 10_000 },
    );
    const broken = () =>
      fetch(`${server.url}/hooks-test/refused`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
    await expect.poll(async () => (await broken()).status).toBe(400);
    expect((await postTest('refused', { followers: 1 })).status).toBe(200);
    expect((await listening).body.executionId).toEqual(expect.any(String));
  });

  it('answers null when no call comes in time, and refuses a node that is no webhook trigger', async () => {
    const created = await server.call<{ id: string }>(
      'POST',
      '/api/v1/workflows',
      hookWorkflow('quiet', 'onReceived'),
    );
    const id = created.body.id;
    const quiet = await server.call('POST', `/api/v1/workflows/${id}/listen`, {
      nodeId: 'hook',
      timeoutMs: 100,
    });
    expect(quiet).toEqual({ status: 200, body: { executionId: null } });
    expect((await postTest('quiet', {})).status).toBe(404);
    const wrong = await server.call<{ error: { code: string } }>('POST', `/api/v1/workflows/${id}/listen`, {
      nodeId: 'score',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('BAD_REQUEST');
  });
});

describe('a test listener the editor stops', () => {
  it('stops listening when the editor lets go of its request', async () => {
    const created = await server.call<{ id: string }>(
      'POST',
      '/api/v1/workflows',
      hookWorkflow('dropped', 'onReceived'),
    );
    const controller = new AbortController();
    const listening = fetch(`${server.url}/api/v1/workflows/${created.body.id}/listen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nodeId: 'hook' }),
      signal: controller.signal,
    }).catch(() => undefined);
    // Loopback gets the request to the server well within this; a call would take the listener.
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await listening;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await postTest('dropped', {})).status).toBe(404);
  });
});
