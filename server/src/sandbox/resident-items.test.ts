import type { Item } from '@sbss/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { pluginCall } from './plugin-call.test-support.js';
import { PluginHost } from './plugin-host.js';

/** `check` tells whether its input is the very array `enrich` or `dated` returned last. */
const source = String.raw`"use strict";
const params = { safeParse: (value) => ({ success: true, data: value }) };
let last;
globalThis.__sbssPlugin = { name: 'resident', version: '1.0.0', nodes: [
  { id: 'enrich', version: 1, params, run: (ctx) => (last = ctx.input.main.map((item) => ({ ...item, score: item.n * 2, tags: ['a'] }))) },
  { id: 'dated', version: 1, params, run: (ctx) => (last = ctx.input.main.map((item) => ({ ...item, at: new Date(0) }))) },
  { id: 'check', version: 1, params, run: (ctx) => ctx.input.main.map((item) => ({ ...item, resident: ctx.input.main === last, atType: typeof item.at })) },
] };`;

const host = new PluginHost({ cpuTimeMs: 500, wallTimeMs: 2_000, memoryLimitMb: 64 });
afterAll(() => host.dispose());
const bundle = { key: 'sbss-plugin-resident@1.0.0', source };

const run = (node: string, input: Item[], keep?: string[]) =>
  host.run(bundle, pluginCall(node, input, keep ? { keep } : {}));

const mentions = () => [1, 2, 3].map((n) => ({ n, text: `mention ${n}` }));

describe('items kept in the isolate for the next node of the same plugin', () => {
  it('hands the next node the array itself, equal to what the host rebuilt', async () => {
    const first = await run('enrich@1', mentions(), ['main']);
    expect(first.kept?.main).toBeTypeOf('string');
    const second = await run('check@1', first.output.main ?? []);
    expect(second.output.main).toEqual(
      (first.output.main ?? []).map((item) => ({ ...item, resident: true, atType: 'undefined' })),
    );
  });

  it('keeps nothing the host would see differently, such as a Date that JSON turns into text', async () => {
    const first = await run('dated@1', mentions(), ['main']);
    expect(first.kept).toBeUndefined();
    const second = await run('check@1', first.output.main ?? []);
    expect(second.output.main?.[0]).toMatchObject({ resident: false, atType: 'string' });
  });

  it('sends the items once a kept array is gone or was already used', async () => {
    const first = await run('enrich@1', mentions(), ['main']);
    for (let k = 0; k < 9; k++) await run('enrich@1', mentions(), ['main']);
    const late = await run('check@1', first.output.main ?? []);
    expect(late.output.main?.[1]).toMatchObject({ n: 2, score: 4, resident: false });

    const fresh = await run('enrich@1', mentions(), ['main']);
    await run('check@1', fresh.output.main ?? []);
    const again = await run('check@1', fresh.output.main ?? []);
    expect(again.output.main?.[2]).toMatchObject({ n: 3, score: 6, resident: false });
  });
});
