import type { Item } from '@sbss/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { SbssError } from '../engine/errors.js';
import { derivationFrom } from '../engine/item-derivation.js';
import { expandOutput } from './output-delta.js';
import { pluginCall } from './plugin-call.test-support.js';
import { PluginHost } from './plugin-host.js';

/** Nodes returning their input in the ways plugins do; the answer text is checked as well. */
const source = String.raw`"use strict";
const params = { safeParse: (value) => ({ success: true, data: value }) };
class Score { constructor(value) { this.value = value; } toJSON() { return { wrapped: this.value }; } }
globalThis.__sbssPlugin = { name: 'delta', version: '1.0.0', nodes: [
  { id: 'filter', version: 1, params, run: (ctx) => ({ kept: ctx.input.main.filter((item) => item.n % 2 === 0), dropped: ctx.input.main.filter((item) => item.n % 2 === 1) }) },
  { id: 'spread', version: 1, params, run: (ctx) => ctx.input.main.map((item) => ({ ...item, score: item.n * 10, author: { ...item.author, seen: true } })) },
  { id: 'assign', version: 1, params, run: (ctx) => ctx.input.main.map((item) => Object.assign({}, item, { score: item.n * 10 })) },
  { id: 'clear', version: 1, params, run: (ctx) => ctx.input.main.map((item) => ({ ...item, text: undefined })) },
  { id: 'omit', version: 1, params, run: (ctx) => ctx.input.main.map(({ text, ...rest }) => rest) },
  { id: 'twice', version: 1, params, run: (ctx) => [...ctx.input.main, ...ctx.input.main] },
  { id: 'wrapped', version: 1, params, run: (ctx) => ctx.input.main.map((item) => new Score(item.n)) },
  { id: 'mutate', version: 1, params, run: (ctx) => { ctx.input.main[0].author.name = 'changed'; return ctx.input.main; } },
  { id: 'sort', version: 1, params, run: (ctx) => ctx.input.main.sort((a, b) => b.n - a.n) },
  { id: 'many', version: 1, params, run: (ctx) => [{ ...ctx.input.main[0], n: 0 }, ...Array.from({ length: 50000 }, (_, i) => ({ ...ctx.input.main[0], n: i + 1 }))] },
] };`;

const host = new PluginHost({ cpuTimeMs: 500, wallTimeMs: 2_000, memoryLimitMb: 64 });
afterAll(() => host.dispose());
const bundle = { key: 'sbss-plugin-delta@1.0.0', source };

const mentions = (): Item[] =>
  [1, 2, 3, 4].map((n) => ({ n, text: `mention ${n}`, author: { name: `a${n}`, tags: ['x'] } }));

const run = (node: string, input: Item[]) => host.run(bundle, pluginCall(node, input));

describe('items coming back as differences from the input', () => {
  it('passes filtered input items on as the host’s own items', async () => {
    const input = mentions();
    const { output } = await run('filter@1', input);
    expect(output.kept).toEqual([input[1], input[3]]);
    expect(output.kept?.[0]).toBe(input[1]);
    expect(output.dropped?.[1]).toBe(input[2]);
  });

  it('rebuilds spread items with their new and changed fields', async () => {
    const input = mentions();
    const { output } = await run('spread@1', input);
    expect(output.main).toEqual(
      input.map((item) => ({
        ...item,
        score: (item.n as number) * 10,
        author: { ...(item.author as object), seen: true },
      })),
    );
    expect(input[0]).toEqual(mentions()[0]);
  });

  it('sends items copied with Object.assign (the SDK’s withFields) as their new fields only', async () => {
    const call = pluginCall('assign@1', mentions());
    const { output } = await host.run(bundle, call);
    const main = output.main ?? [];
    expect(main).toEqual(call.input.main?.map((item) => ({ ...item, score: (item.n as number) * 10 })));
    expect(derivationFrom(main, call.input)).toMatchObject({
      from: [0, 1, 2, 3],
      changes: [{ score: 10 }, { score: 20 }, { score: 30 }, { score: 40 }],
    });
  });

  it('drops a field set to undefined and one left out, as JSON would', async () => {
    const cleared = await run('clear@1', mentions());
    expect(cleared.output.main?.[0]).toEqual({ n: 1, author: { name: 'a1', tags: ['x'] } });
    const omitted = await run('omit@1', mentions());
    expect(omitted.output.main?.[2]).toEqual({ n: 3, author: { name: 'a3', tags: ['x'] } });
  });

  it('sends an item used twice on a port whole the second time', async () => {
    const input = mentions();
    const { output } = await run('twice@1', input);
    expect(output.main).toEqual([...input, ...input]);
    expect(output.main?.[4]).not.toBe(input[0]);
  });

  it('serializes objects with toJSON as JSON does', async () => {
    const { output } = await run('wrapped@1', mentions());
    expect(output.main?.[1]).toEqual({ wrapped: 2 });
  });

  it('keeps input items read-only inside the sandbox, so a node cannot change what it was given', async () => {
    await expect(run('mutate@1', mentions())).rejects.toThrow(/read only|read-only/);
  });

  it('compares at most one output item per input item and sends the rest whole', async () => {
    const input = mentions().slice(0, 1);
    const { output } = await run('many@1', input);
    expect(output.main).toHaveLength(50_001);
    expect(output.main?.[0]).toEqual({ ...input[0], n: 0 });
    expect(output.main?.[50_000]).toEqual({ ...input[0], n: 50_000 });
  });

  it('lets a node reorder its input arrays', async () => {
    const input = mentions();
    const { output } = await run('sort@1', input);
    expect(output.main?.map((item) => item.n)).toEqual([4, 3, 2, 1]);
    expect(output.main?.[0]).toBe(input[3]);
  });
});

describe('expandOutput', () => {
  const input = { main: [{ a: 1 }, { a: 2 }] };

  it('rejects references it cannot follow', () => {
    const cases: [Record<string, unknown[]>, Record<string, unknown[]>][] = [
      [{ main: [{}] }, { main: [5] }],
      [{ main: [{}] }, { main: [-2] }],
      [{ main: [{}] }, { main: [0.5] }],
      [{ main: [{}] }, { main: ['0'] }],
      [{ main: [{}, {}] }, { main: [0, 0] }],
      [{ main: [{}] }, { main: [] }],
      [{ main: [{}] }, { other: [0] }],
    ];
    for (const [ok, from] of cases) expect(() => expandOutput(ok, from, input)).toThrow(SbssError);
  });

  it('takes -1 as a whole item and a base as the input item plus the differences', () => {
    const output = expandOutput({ main: [{ b: 1 }, { a: 3 }] }, { main: [-1, 1] }, input);
    expect(output.main).toEqual([{ b: 1 }, { a: 3 }]);
  });

  it('notes how each rebuilt array was made from this input, for the store', () => {
    const output = expandOutput({ main: [{}, { c: 1 }] }, { main: [1, 0] }, input);
    const main = output.main ?? [];
    expect(main[0]).toBe(input.main[1]);
    expect(derivationFrom(main, input)).toEqual({ input, from: [1, 0], changes: [{}, { c: 1 }] });
    expect(derivationFrom(main, { main: input.main })).toBeUndefined();
  });
});
