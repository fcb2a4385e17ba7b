import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode, definePlugin, type Item, nodeType } from './index.js';
import { runNode } from './testing.js';

const upper = defineNode({
  id: 'upper',
  title: { en: 'Upper case', 'zh-Hans': '转大写' },
  category: 'data',
  params: z.object({ field: z.string().default('text') }),
  run: (ctx) =>
    (ctx.input.main ?? []).map((item, index) => {
      const { field } = ctx.paramsFor(index);
      return { ...item, [field]: String(item[field]).toUpperCase() };
    }),
});

describe('defineNode', () => {
  it('defaults to version 1 with one main input and output', () => {
    expect(upper.version).toBe(1);
    expect(Object.keys(upper.inputs)).toEqual(['main']);
    expect(Object.keys(upper.outputs)).toEqual(['main']);
  });

  it('gives trigger nodes no inputs', () => {
    const trigger = defineNode({
      id: 'tick',
      title: 'Tick',
      category: 'trigger',
      trigger: 'manual',
      params: z.object({}),
      run: () => [],
    });
    expect(trigger.inputs).toEqual({});
  });

  it('rejects ids that cannot appear in a node type', () => {
    expect(() =>
      defineNode({ id: 'Bad Id', title: 'x', category: 'data', params: z.object({}), run: () => [] }),
    ).toThrow(/lower-case/);
  });
});

describe('definePlugin', () => {
  it('names node types as plugin/node@major', () => {
    const plugin = definePlugin({ name: 'text', version: '1.0.0', nodes: [upper] });
    expect(nodeType(plugin.name, upper)).toBe('text/upper@1');
  });

  it('refuses the same node version twice', () => {
    expect(() => definePlugin({ name: 'text', version: '1.0.0', nodes: [upper, upper] })).toThrow(/twice/);
  });
});

describe('runNode harness', () => {
  it('parses params with the node schema and runs with fake capabilities', async () => {
    const result = await runNode(upper, { input: [{ text: 'hello' }] });
    expect(result.output).toEqual({ main: [{ text: 'HELLO' }] });
  });

  it('rejects params that do not match the schema', async () => {
    await expect(runNode(upper, { params: { field: 3 } })).rejects.toThrow();
  });

  it('keeps state and data written by the node', async () => {
    const counter = defineNode({
      id: 'counter',
      title: 'Counter',
      category: 'data',
      params: z.object({}),
      async run(ctx) {
        const seen = (await ctx.state.get<number>('seen')) ?? 0;
        await ctx.state.set('seen', seen + 1);
        await ctx.data.upsert('counts', 'total', { seen: seen + 1 });
        ctx.log.info('counted', { seen: seen + 1 });
        return [{ seen: seen + 1, key: ctx.idempotencyKey(0) }];
      },
    });
    const result = await runNode(counter, { state: { seen: 4 }, input: [{}], executionId: 'e1' });
    expect(result.output.main).toEqual([{ seen: 5, key: 'e1:counter:0' }]);
    expect(result.state.get('seen')).toBe(5);
    expect(result.data.get('counts')?.get('total')?.data).toEqual({ seen: 5 });
    expect(result.logs).toEqual([{ level: 'info', message: 'counted', data: { seen: 5 } }]);
  });

  it('shows a node that declares what it reads only those fields, and keeps the rest on its items', async () => {
    const tagger = defineNode({
      id: 'tagger',
      title: 'Tagger',
      category: 'data',
      reads: ['text'],
      params: z.object({}),
      run: (ctx) =>
        (ctx.input.main ?? []).map((item) =>
          item.text === 'skip' ? item : { ...item, seen: Object.keys(item).join(',') },
        ),
    });
    const input: Item[] = [
      { id: 1, text: 'hello', raw: { a: 1 } },
      { id: 2, text: 'skip', raw: { a: 2 } },
      { id: 3, raw: { a: 3 } },
    ];
    const result = await runNode(tagger, { input });
    expect(result.output.main).toEqual([
      { id: 1, text: 'hello', raw: { a: 1 }, seen: 'text' },
      { id: 2, text: 'skip', raw: { a: 2 } },
      { id: 3, raw: { a: 3 }, seen: '' },
    ]);
  });

  it('rejects reads that are not field names', () => {
    expect(() =>
      defineNode({ id: 'x', title: 'x', category: 'data', reads: [''], params: z.object({}), run: () => [] }),
    ).toThrow(/field names/);
  });
});
