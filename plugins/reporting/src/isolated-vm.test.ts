import type { DataCapability, JsonObject } from '@sbss/sdk';
import { type GrantedCapabilities, PluginHost } from '@sbss/server';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateNode } from './nodes/aggregate.js';
import { renderNode } from './nodes/render.js';
import { sampleWeek } from './testing/sample-week.test-support.js';
import { bundlePlugin } from './testing/sandbox-bundle.test-support.js';
import { seededData } from './testing/seeded-data.test-support.js';

// The server's own sandbox with its default limits (128 MB, 5 s of CPU per call).
const host = new PluginHost();
afterAll(() => host.dispose());

const unused = () => Promise.reject(new Error('not granted in this test'));

function call(node: string, params: JsonObject, input: JsonObject[], data: DataCapability) {
  return {
    node,
    params,
    itemParams: { main: input.map(() => params) },
    input: { main: input },
    ids: { executionId: 'e1', workflowId: 'w1', workspaceId: 'ws', nodeId: node.split('@')[0] ?? node },
    now: new Date('2025-03-08T00:00:00Z'),
    capabilities: {
      http: { fetch: unused },
      credentials: { get: unused },
      state: { get: async () => undefined, set: async () => {}, delete: async () => {} },
      data,
    } as GrantedCapabilities,
  };
}

describe('the reporting plugin in the server sandbox (isolated-vm)', () => {
  it('aggregates a week and renders the report with its charts within the default limits', {
    timeout: 60_000,
  }, async () => {
    const bundle = { key: 'sbss-plugin-reporting@0.1.0', source: await bundlePlugin() };
    const data = seededData(sampleWeek());
    const metrics = ['volume', 'sentiment', 'shareOfVoice', 'topAuthors', 'topTopics', 'trend', 'cases'];
    // The sandbox takes params as the engine hands them over: parsed by the node's schema.
    const aggregateParams = aggregateNode.params.parse({ metrics }) as JsonObject;
    const aggregate = await host.run(bundle, call('aggregate@1', aggregateParams, [{}], data));
    const renderParams = renderNode.params.parse({}) as JsonObject;
    const rendered = await host.run(
      bundle,
      call('render@1', renderParams, aggregate.output.main ?? [], data),
    );
    const [report] = rendered.output.main ?? [];
    const stored = data.stored.get('reports')?.find((record) => record.key === report?.id);
    expect(String(stored?.data.html).match(/<svg /g)?.length).toBe(5);
    expect(report).toMatchObject({
      title: 'Social listening report',
      period: { since: '2025-03-01T00:00:00.000Z' },
    });
  });
});
