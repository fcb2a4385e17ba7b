import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import type { GrantedCapabilities } from './host-bridge.js';
import { type PluginCall, PluginHost } from './plugin-host.js';

const root = new URL('../../../', import.meta.url);
const source = readFileSync(new URL('plugins/listening/dist/sbss-bundle.js', root), 'utf8');
const lines = readFileSync(new URL('examples/data/mentions-zh-en.jsonl', root), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const host = new PluginHost({ cpuTimeMs: 60_000, wallTimeMs: 120_000, memoryLimitMb: 512 });
afterAll(() => host.dispose());
const bundle = { key: 'sbss-plugin-listening@0.1.0', source };
const records: { key: string; data: unknown; createdAt: string; updatedAt: string }[] = [];
const capabilities = {
  http: { fetch: async (r: { responseType?: string }) => ({ status: 200, headers: {}, body: r.responseType === 'base64' ? readFileSync(new URL('examples/data/mentions-gbk.csv', root)).toString('base64') : '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><entry><id>u1</id><title>Hi &amp; bye</title><updated>2024-01-02T00:00:00Z</updated><content type="html">&lt;b&gt;Great&lt;/b&gt; battery</content></entry></feed>' }) },
  credentials: { get: async () => ({}) },
  state: { get: async () => undefined, set: async () => {}, delete: async () => {} },
  data: { query: async () => records, insert: async (_c: string, r: unknown[]) => r.map((data, i) => ({ key: `k${i}`, data, createdAt: '', updatedAt: '' })), get: async () => undefined, upsert: async () => ({}) },
} as unknown as GrantedCapabilities;
const call = (node: string, params: unknown, main: unknown[]): PluginCall => ({
  node, params, itemParams: { main: main.map(() => params) }, input: { main: main as never },
  ids: { executionId: 'e1', workflowId: 'w1', workspaceId: 'ws', nodeId: 'n1' }, now: new Date(), capabilities,
});

it('runs the listening bundle in the sandbox', async () => {
  const rss = await host.run(bundle, call('rss@1', { url: 'https://x.example/f', source: 'rss', maxItems: 10, emitExisting: true, timeoutMs: 1000 }, []));
  console.log('RSS', JSON.stringify(rss.output.main));
  const imp = await host.run(bundle, call('import@1', { content: readFileSync(new URL('examples/data/mentions-gbk.csv', root)).toString('base64'), contentEncoding: 'base64', format: 'auto', charset: 'auto', delimiter: '', columns: { text: '内容', 'author.name': '作者' }, source: 'csv', maxRows: 10, timeoutMs: 1000 }, []));
  console.log('IMPORT', imp.output.main?.length, JSON.stringify(imp.output.main?.[0]));
  const big = Array.from({ length: 10 }, () => lines).flat();
  const params = { query: '(客服 OR 售后 OR "customer service" OR support) AND (差 OR 慢 OR terrible OR joke OR 失望) AND NOT lang:ja', name: 'm' };
  await host.run(bundle, call('monitor@1', params, lines.slice(0, 100)));
  let t = performance.now();
  const mon = await host.run(bundle, call('monitor@1', params, big));
  const ms = performance.now() - t;
  console.log('MONITOR', big.length, 'items', Math.round(ms), 'ms', Math.round(big.length / (ms / 1000)), '/s matched', mon.output.matched?.length);
  t = performance.now();
  const lang = await host.run(bundle, call('language@1', { field: 'text', overwrite: true, latinLanguages: ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'id', 'vi', 'tr', 'pl'] }, lines));
  const lms = performance.now() - t;
  const right = (lang.output.main ?? []).filter((m, i) => m.lang === lines[i].lang).length;
  console.log('LANG', right, '/', lines.length, Math.round(lms), 'ms');
  const wrong = (lang.output.main ?? []).map((m, i) => [m.lang, lines[i].lang, lines[i].text]).filter(([a, b]) => a !== b).slice(0, 8);
  console.log('LANGWRONG', JSON.stringify(wrong));
  t = performance.now();
  const dd = await host.run(bundle, call('dedupe@1', { exact: ['url', 'id'], near: true, threshold: 6, minLength: 12, shingleSize: 3, windowHours: 72, collection: 'd', maxRemembered: 50000 }, lines));
  const dms = performance.now() - t;
  const reposts = lines.filter((m) => m.raw.repostOf).length;
  const caught = (dd.output.duplicates ?? []).filter((m) => (m.raw as { repostOf?: string }).repostOf).length;
  console.log('DEDUPE', Math.round(dms), 'ms unique', dd.output.main?.length, 'dups', dd.output.duplicates?.length, 'reposts', reposts, 'caught', caught);
  expect(true).toBe(true);
});
