import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

const complaint = '这家店的客服太差了，等了两个小时都没有人理我，再也不会来了';
const praise = 'the delivery came on time and the box was packed with real care';
const mention = (id: string, text: string, url?: string) => ({
  id,
  source: 'weibo',
  text,
  ...(url ? { url } : {}),
});

type Step = { nodeId: string; output?: Record<string, { id: string; duplicateOf?: { reason: string } }[]> };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function dedupeWorkflow(params: Record<string, unknown>) {
  const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
    name: `dedupe ${params.collection}`,
    nodes: [node('start', 'core/manual@1'), node('dedupe', 'listening/dedupe@1', params)],
    edges: [edge('start', 'dedupe')],
  });
  expect(created.status).toBe(201);
  return async (items: unknown[]) => {
    const run = await server.call<{ executionId: string; status: string; error?: unknown }>(
      'POST',
      `/api/v1/workflows/${created.body.id}/run`,
      { items },
    );
    expect(run.body.error).toBeUndefined();
    const execution = await server.call<{ steps: Step[] }>(
      'GET',
      `/api/v1/executions/${run.body.executionId}`,
    );
    const output = execution.body.steps.find((step) => step.nodeId === 'dedupe')?.output ?? {};
    return { unique: (output.main ?? []).map((item) => item.id), duplicates: output.duplicates ?? [] };
  };
}

describe('listening/dedupe in the sandbox', () => {
  it('drops repeats of earlier executions by URL, id and SimHash', async () => {
    const run = await dedupeWorkflow({ collection: 'seen' });
    const first = await run([mention('1', complaint, 'https://weibo.com/1'), mention('2', praise)]);
    expect(first.unique).toEqual(['1', '2']);

    const second = await run([
      mention('7', 'another text', 'https://weibo.com/1?utm_source=feed'),
      mention('2', 'edited'),
      mention('8', `转发微博 ${complaint} #避雷`),
      mention('9', 'something else entirely, nothing like the others'),
      mention('10', 'something else entirely, nothing like the others!'),
    ]);
    expect(second.unique).toEqual(['9']);
    expect(second.duplicates.map((item) => [item.id, item.duplicateOf?.reason])).toEqual([
      ['7', 'url'],
      ['2', 'id'],
      ['8', 'near'],
      ['10', 'near'],
    ]);

    const identities = await server.call<{ items: { key: string }[] }>(
      'GET',
      '/api/v1/collections/seen/records?limit=100',
    );
    expect(identities.body.items.map((record) => record.key).sort()).toEqual([
      'id:weibo:1',
      'id:weibo:2',
      'id:weibo:9',
      'url:https://weibo.com/1',
    ]);
    const fingerprints = await server.call<{ items: unknown[] }>(
      'GET',
      '/api/v1/collections/seen-simhash/records',
    );
    expect(fingerprints.body.items).toHaveLength(2);
  });

  it('compares only the newest maxRemembered fingerprints', async () => {
    const run = await dedupeWorkflow({ collection: 'capped', maxRemembered: 1 });
    await run([mention('1', complaint)]);
    await run([mention('2', praise)]);
    const third = await run([mention('3', `${complaint}!`), mention('4', `${praise}!`)]);
    expect(third.unique).toEqual(['3']);
    expect(third.duplicates.map((item) => item.id)).toEqual(['4']);
  });

  it('deletes from its collections what left the window', async () => {
    // A one-second window, so the real clock can leave it during the test.
    const run = await dedupeWorkflow({ collection: 'brief', windowHours: 1 / 3600 });
    await run([mention('1', complaint, 'https://weibo.com/1')]);
    const keys = async (collection: string) =>
      (
        await server.call<{ items: { key: string }[] }>('GET', `/api/v1/collections/${collection}/records`)
      ).body.items.map((record) => record.key);
    expect((await keys('brief')).sort()).toEqual(['id:weibo:1', 'url:https://weibo.com/1']);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const later = await run([mention('2', praise)]);
    expect(later.unique).toEqual(['2']);
    expect(await keys('brief')).toEqual(['id:weibo:2']);
    expect(await keys('brief-simhash')).toHaveLength(1);
  });
});
