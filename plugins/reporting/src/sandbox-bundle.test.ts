import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadInBareContext } from './testing/sandbox-bundle.test-support.js';

/** Runs a node of the bundled plugin inside the bare context, with a tiny in-memory ctx. */
const runInside = `
(async (nodeId, params, input, records) => {
  const node = __sbssPlugin.nodes.find((candidate) => candidate.id === nodeId);
  const stored = {};
  const ctx = {
    params: node.params.parse(params),
    paramsFor: () => node.params.parse(params),
    input: { main: input },
    executionId: 'exec', workflowId: 'wf', workspaceId: 'ws', nodeId,
    idempotencyKey: (index) => 'exec:' + nodeId + ':' + index,
    now: () => new Date('2025-03-08T00:00:00Z'),
    data: {
      aggregate: async (_name, query) => query.bucket
        ? [{ bucket: '2025-03-07T00:00:00.000Z', count: records.length }]
        : [{ count: records.length }],
      query: async () => records,
      upsert: async (name, key, data) => { stored[name + '/' + key] = data; return { key, data }; },
    },
    state: { get: async () => undefined, set: async () => {} },
    log: { debug() {}, info() {}, warn() {}, error() {} },
  };
  const output = await node.run(ctx);
  return JSON.stringify({ output, stored });
})`;

describe('the reporting bundle in a bare JavaScript context', () => {
  it('aggregates and renders a report with ECharts SVG without Node, DOM or timers, adding no globals after load', async () => {
    const { context, bytes } = await loadInBareContext();
    // The sandbox freezes the global object once a plugin is loaded (a vm context cannot be
    // frozen, so the test checks instead that running nodes adds nothing to it).
    const globalsAfterLoad = vm.runInContext('Object.getOwnPropertyNames(globalThis).join()', context);
    console.info(`reporting bundle: ${Math.round(bytes / 1024)} KB`);
    const run = vm.runInContext(runInside, context) as (...args: unknown[]) => Promise<string>;
    const records = [
      {
        key: 'a',
        createdAt: '2025-03-07T09:00:00.000Z',
        updatedAt: '',
        data: {
          brand: 'Acme',
          sentiment: { label: 'negative' },
          topics: ['refund'],
          author: { name: 'kol', followers: 9000 },
          influence: 70,
        },
      },
      {
        key: 'b',
        createdAt: '2025-03-07T10:00:00.000Z',
        updatedAt: '',
        data: { brand: 'Globex', sentiment: { label: 'positive' }, author: { name: 'fan' } },
      },
    ];
    const aggregated = JSON.parse(await run('aggregate', { lookbackHours: 48 }, [], records));
    const rendered = JSON.parse(
      await run('render', { linkBase: 'https://sbss.example.com/reports/' }, aggregated.output, []),
    );
    const [report] = rendered.output;
    const html: string = rendered.stored[`reports/${report.id}`].html;
    expect(html.match(/<svg /g)?.length).toBe(5);
    expect(vm.runInContext('Object.getOwnPropertyNames(globalThis).join()', context)).toBe(globalsAfterLoad);
    expect(report.link).toBe(`https://sbss.example.com/reports/${report.id}`);
    // ECharts and zrender are about 950 KB of it, zod (through the SDK) about 570 KB.
    expect(bytes).toBeLessThan(2_000_000);
  });
});
