import { NodeError } from '@sbss/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { SbssError } from '../engine/errors.js';
import type { GrantedCapabilities } from './host-bridge.js';
import { type PluginCall, PluginHost } from './plugin-host.js';

/** A bundle written by hand in the shape `sbss plugin build` produces, with a params stand-in. */
const source = String.raw`"use strict";
const params = { safeParse: (value) => ({ success: true, data: value }) };
const mark = Symbol.for('sbss.NodeError');
const pollutions = {
  regexp: () => { RegExp.prototype.mark = true; },
  object: () => { Object.prototype.polluted = true; },
  'object-accessor': () => { const original = Object.prototype.hasOwnProperty; Object.defineProperty(Object.prototype, 'hasOwnProperty', { get: () => original }); },
  'array-element': () => { Array.prototype[0] = 'x'; },
  'typed-array-method': () => { Object.getPrototypeOf(Int8Array.prototype).fill = function () { return this; }; },
  'typed-array-add': () => { Int8Array.prototype.extra = 1; },
  'late-microtask': () => { let p = Promise.resolve(); for (let i = 0; i < 100; i++) p = p.then(() => {}); p.then(() => { Object.prototype.polluted = true; }); },
};
globalThis.__sbssPlugin = { name: 'unit', version: '1.0.0', nodes: [
  { id: 'echo', version: 1, params, run: (ctx) => ctx.input.main.map((item, i) => ({ ...item, p: ctx.paramsFor(i), key: ctx.idempotencyKey(i) })) },
  { id: 'fail', version: 1, params, run() { const e = new Error('quota reached'); e.name = 'NodeError'; e.code = 'QUOTA'; e.details = { left: 0 }; Object.defineProperty(e, mark, { value: true }); throw e; } },
  { id: 'state', version: 1, params, async run(ctx) {
    const before = await ctx.state.get('n');
    await ctx.state.set('n', (before ?? 0) + 1);
    let denied = null;
    try { await ctx.credentials.get('other'); } catch (e) { denied = { code: e.code, isNodeError: mark in e }; }
    ctx.log.info('counted', { before: before ?? null });
    return [{ before: before ?? null, denied }];
  } },
  { id: 'pollute', version: 1, params, run(ctx) { pollutions[ctx.params.target](); return []; } },
  { id: 'pollute-later', version: 1, params, run(ctx) { ctx.state.get('n').finally(() => { Object.prototype.polluted = true; }); return []; } },
  { id: 'probe', version: 1, params, run: () => [{
    marked: 'mark' in RegExp.prototype, polluted: 'polluted' in {}, element: [][0] ?? null,
    fill: new Int8Array(2).fill(1)[0], sealed: Object.isSealed(Int8Array.prototype),
  }] },
  { id: 'secret', version: 1, params, run: (ctx) => [{ found: /token=(\w+)/.test(ctx.input.main[0].text) }] },
  { id: 'peek', version: 1, params, run: () => [{ group: RegExp.$1, last: RegExp.lastMatch, input: RegExp.input }] },
  { id: 'shout', version: 1, params, run: (ctx) => ctx.input.main.map((item) => ({ loud: item.text + '！' })) },
  { id: 'remember', version: 1, params, async run(ctx) {
    await ctx.state.set('said', ctx.input.main.map((item) => item.text).join('|'));
    return [{ said: await ctx.state.get('said') }];
  } },
  { id: 'shout-later', version: 1, params, async run(ctx) {
    await ctx.state.get('n');
    return ctx.input.main.map((item) => ({ loud: item.text + '！' }));
  } },
  { id: 'pattern', version: 1,
    params: { safeParse: (value) => typeof value.pattern === 'string' ? { success: true, data: value } : { success: false } },
    check: ({ pattern }) => pattern.includes('(') && !pattern.includes(')')
      ? [{ path: ['pattern'], message: 'Unclosed group', details: { column: pattern.indexOf('(') + 1 } }]
      : [],
    run: () => [] },
  { id: 'check-throws', version: 1, params, check() { throw new Error('checker broke'); }, run: () => [] },
  { id: 'check-garbles', version: 1, params, check: () => [{ where: 'nowhere' }], run: () => [] },
  { id: 'check-loops', version: 1, params, check() { for (;;) {} }, run: () => [] },
  { id: 'burn', version: 1, params, run() { const end = Date.now() + 120; while (Date.now() < end) {} return []; } },
  { id: 'hang', version: 1, params, check: () => new Promise(() => {}), run: () => new Promise(() => {}) },
] };`;

const host = new PluginHost({ cpuTimeMs: 500, wallTimeMs: 2_000, memoryLimitMb: 64 });
afterAll(() => host.dispose());
const bundle = { key: 'sbss-plugin-unit@1.0.0', source };
const state = new Map<string, unknown>();
const capabilities = {
  http: { fetch: () => Promise.reject(new Error('no network here')) },
  credentials: {
    get: () => Promise.reject(new SbssError('CREDENTIAL_UNAVAILABLE', 'not referenced')),
  },
  state: {
    get: async (key: string) => state.get(key),
    set: async (key: string, value: unknown) => void state.set(key, value),
    delete: async (key: string) => void state.delete(key),
  },
} as unknown as GrantedCapabilities;

const call = (node: string, input: PluginCall['input'] = { main: [{ a: 1 }] }): PluginCall => ({
  node,
  params: { x: 1 },
  itemParams: { main: input.main?.map((_, i) => (i === 0 ? { x: 1 } : { x: 2 })) ?? [] },
  input,
  ids: { executionId: 'e1', workflowId: 'w1', workspaceId: 'ws', nodeId: 'n1' },
  now: new Date('2024-01-01T00:00:00Z'),
  capabilities,
});

describe('plugin host', () => {
  it('copies items and per-item params in and the output out', async () => {
    const { output } = await host.run(bundle, call('echo@1', { main: [{ a: 1 }, { a: 2 }] }));
    expect(output.main).toEqual([
      { a: 1, p: { x: 1 }, key: 'e1:n1:0' },
      { a: 2, p: { x: 2 }, key: 'e1:n1:1' },
    ]);
  });

  it('joins text that crossed in pieces either way, capability requests and replies too', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ text: `客服很好 😀 good ${i} `.repeat(12) }));
    const other = [{ text: '另一个端口' }];
    const input = { main: items, other };
    const { output } = await host.run(bundle, { ...call('echo@1', { main: items }), input });
    expect(output.main?.map((item) => item.text)).toEqual(items.map((item) => item.text));
    const loud = items.map((item) => ({ loud: `${item.text}！` }));
    // The second answers through `done`, after awaiting a capability.
    for (const node of ['shout@1', 'shout-later@1']) {
      expect((await host.run(bundle, { ...call(node, { main: items }), input })).output.main).toEqual(loud);
    }
    const said = items.map((item) => item.text).join('|');
    expect((await host.run(bundle, { ...call('remember@1', { main: items }), input })).output.main).toEqual([
      { said },
    ]);
    expect(state.get('said')).toBe(said);
  });

  it('keeps the code of a NodeError the plugin throws', async () => {
    const failure = await host.run(bundle, call('fail@1')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NodeError);
    expect(failure).toMatchObject({ code: 'QUOTA', message: 'quota reached', details: { left: 0 } });
  });

  it('serves capabilities by copy and raises their errors as NodeErrors inside', async () => {
    const first = await host.run(bundle, call('state@1'));
    const second = await host.run(bundle, call('state@1'));
    expect(first.output.main).toEqual([
      { before: null, denied: { code: 'CREDENTIAL_UNAVAILABLE', isNodeError: true } },
    ]);
    expect(second.output.main?.[0]?.before).toBe(1);
    expect(first.logs[0]).toMatchObject({ level: 'info', message: 'counted', data: { before: null } });
  });

  it('fails a call to a node the bundle does not have', async () => {
    await expect(host.run(bundle, call('missing@1'))).rejects.toMatchObject({ code: 'NODE_FAILED' });
  });

  it('serves capabilities to a node that has gone on to run synchronously', async () => {
    state.clear();
    for (let round = 0; round < 5; round += 1) {
      const { output } = await host.run(bundle, call('state@1'));
      expect(output.main?.[0]?.before).toBe(round === 0 ? null : round);
    }
  });

  const pristine = { marked: false, polluted: false, element: null, fill: 1, sealed: true };
  it.each(['regexp', 'object', 'object-accessor', 'array-element', 'typed-array-method', 'late-microtask'])(
    'fails a call that changes a shared prototype (%s) and gives the next call a fresh isolate',
    async (target) => {
      expect((await host.run(bundle, call('probe@1'))).output.main).toEqual([pristine]);
      const polluting = { ...call('pollute@1'), params: { target } };
      await expect(host.run(bundle, polluting)).rejects.toMatchObject({ code: 'PLUGIN_CRASHED' });
      expect((await host.run(bundle, call('probe@1'))).output.main).toEqual([pristine]);
    },
  );

  it('runs a call in a fresh isolate when code an ended call left behind changed a shared prototype', async () => {
    expect((await host.run(bundle, call('pollute-later@1'))).output.main).toEqual([]);
    // The capability reply, and the callback waiting on it, come after the call has ended: they
    // run in an apply of their own, which takes a few milliseconds at most.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await host.run(bundle, call('probe@1'))).output.main).toEqual([pristine]);
  });

  it('keeps the prototypes of typed arrays sealed', async () => {
    const adding = { ...call('pollute@1'), params: { target: 'typed-array-add' } };
    await expect(host.run(bundle, adding)).rejects.toThrow(/not extensible/);
    expect((await host.run(bundle, call('probe@1'))).output.main).toEqual([pristine]);
  });

  it('leaves no match of one call in the RegExp statics the next call can read', async () => {
    const secret = await host.run(bundle, call('secret@1', { main: [{ text: 'token=s3cr3t' }] }));
    expect(secret.output.main).toEqual([{ found: true }]);
    const { output } = await host.run(bundle, call('peek@1'));
    expect(output.main).toEqual([{ group: '', last: '', input: '' }]);
  });

  /** `shout-later@1` on "hi", whose `ctx.state.get` answers after `ms`. */
  const shoutAfter = (ms: number): PluginCall => ({
    ...call('shout-later@1', { main: [{ text: 'hi' }] }),
    capabilities: {
      ...capabilities,
      state: {
        ...capabilities.state,
        get: () => new Promise<unknown>((resolve) => setTimeout(resolve, ms, 1)),
      },
    } as GrantedCapabilities,
  });

  it('fails a call that waits past its wall time alone, and the calls beside it go on', async () => {
    const tight = new PluginHost({ cpuTimeMs: 500, wallTimeMs: 600 });
    try {
      const hung = tight.run(bundle, call('hang@1'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const beside = tight.run(bundle, shoutAfter(500));
      await expect(hung).rejects.toMatchObject({
        code: 'PLUGIN_TIMEOUT',
        message: expect.stringContaining('its 600 ms wall-time limit'),
      });
      expect((await beside).output.main).toEqual([{ loud: 'hi！' }]);
    } finally {
      tight.dispose();
    }
  });

  it('charges a call waiting on a capability only for its own CPU time, not the calls run meanwhile', async () => {
    const tight = new PluginHost({ cpuTimeMs: 400, wallTimeMs: 10_000 });
    try {
      const waiting = tight.run(bundle, shoutAfter(1_200));
      // About 960 ms of CPU in the same isolate while the first call waits: more than its 400 ms.
      for (let n = 0; n < 8; n += 1) await tight.run(bundle, call('burn@1'));
      expect((await waiting).output.main).toEqual([{ loud: 'hi！' }]);
    } finally {
      tight.dispose();
    }
  });

  it('answers calls at once from one isolate', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => host.run(bundle, call('echo@1'))));
    expect(results.every((result) => result.output.main?.length === 1)).toBe(true);
  });
});

describe("a node's params check", () => {
  it('gives the issues the node finds in params its schema accepts', async () => {
    expect(await host.check(bundle, 'pattern@1', { pattern: 'a(b' })).toEqual([
      { path: ['pattern'], message: 'Unclosed group', details: { column: 2 } },
    ]);
    expect(await host.check(bundle, 'pattern@1', { pattern: 'a(b)' })).toEqual([]);
    expect(await host.check(bundle, 'pattern@1', { pattern: 7 })).toEqual([]);
    expect(await host.check(bundle, 'echo@1', { x: 1 })).toEqual([]);
  });

  it('fails with what the check threw, or with a clear error for issues of the wrong shape', async () => {
    await expect(host.check(bundle, 'check-throws@1', {})).rejects.toThrow('checker broke');
    await expect(host.check(bundle, 'check-garbles@1', {})).rejects.toMatchObject({
      code: 'PLUGIN_OUTPUT_INVALID',
      message: expect.stringContaining('{ path, message, details? }'),
    });
  });

  it('waits a while for a check that never answers, and the plugin serves calls meanwhile', async () => {
    const patient = new PluginHost({ checkWaitMs: 200 });
    try {
      const started = performance.now();
      await expect(patient.check(bundle, 'hang@1', {})).rejects.toMatchObject({
        code: 'PLUGIN_TIMEOUT',
        message: `The params check of node "hang@1" of plugin ${bundle.key} gave no answer within 200 ms`,
      });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect((await patient.run(bundle, call('echo@1'))).output.main).toHaveLength(1);
    } finally {
      patient.dispose();
    }
  });

  it('holds a check to the call limits, and the plugin serves calls after one overran', async () => {
    await expect(host.check(bundle, 'check-loops@1', {})).rejects.toMatchObject({ code: 'PLUGIN_TIMEOUT' });
    expect((await host.run(bundle, call('echo@1'))).output.main).toHaveLength(1);
  });
});

describe('loading a plugin', () => {
  /** A bundle whose top level spins for `ms` before it defines its one node. */
  const slowToLoad = (ms: number) => ({
    key: `sbss-plugin-slow-${ms}@1.0.0`,
    source: `"use strict";
const until = Date.now() + ${ms};
while (Date.now() < until) {}
globalThis.__sbssPlugin = { name: 'slow', version: '1.0.0', nodes: [
  { id: 'echo', version: 1, params: { safeParse: (value) => ({ success: true, data: value }) }, run: (ctx) => ctx.input.main },
] };`,
  });

  it('is bounded by its own limit, not by the CPU time of the call that asked for it', async () => {
    const tight = new PluginHost({ cpuTimeMs: 20, loadTimeMs: 2_000 });
    try {
      const { output } = await tight.run(slowToLoad(100), call('echo@1'));
      expect(output.main).toEqual([{ a: 1 }]);
    } finally {
      tight.dispose();
    }
  });

  it('fails with a clear error when the top level runs past that limit', async () => {
    const tight = new PluginHost({ cpuTimeMs: 2_000, loadTimeMs: 100 });
    try {
      await expect(tight.run(slowToLoad(5_000), call('echo@1'))).rejects.toMatchObject({
        code: 'PLUGIN_CRASHED',
        message: expect.stringMatching(
          /^Plugin sbss-plugin-slow-5000@1\.0\.0 failed while loading: .*timed out/,
        ),
      });
    } finally {
      tight.dispose();
    }
  });
});
