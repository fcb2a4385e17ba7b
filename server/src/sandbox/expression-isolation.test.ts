import type { Item } from '@sbss/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator } from './expression-evaluator.js';
import { testContext } from './expression-test-context.js';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());

const one = async (source: string, item: Item = {}) => {
  const [params] = await evaluator.resolve({ value: source }, testContext(), [item]);
  return (params as { value: unknown }).value;
};

describe('escapes', () => {
  it('has no this to climb from', async () => {
    await expect(one('{{ this.constructor.constructor("return process")() }}')).rejects.toMatchObject({
      code: 'EXPRESSION_FAILED',
      message: expect.stringContaining('TypeError'),
    });
  });

  it('reaches only the isolate realm through the Function constructor', async () => {
    await expect(one('{{ $json.constructor.constructor("return process")() }}')).rejects.toThrow(
      /process is not defined/,
    );
    await expect(one('{{ $.constructor.constructor("return process")() }}')).rejects.toThrow(
      /process is not defined/,
    );
    await expect(one('{{ $input.all.constructor("return process")() }}')).rejects.toThrow(
      /process is not defined/,
    );
    await expect(one('{{ Function("return this")() }}')).resolves.toEqual({});
    await expect(
      one('{{ Object.getOwnPropertyNames(Function("return this")()).includes("process") }}'),
    ).resolves.toBe(false);
  });

  it('has no process, require, module loading, timers, network or console', async () => {
    const names = [
      'process',
      'require',
      'module',
      'setTimeout',
      'setImmediate',
      'queueMicrotask',
      'fetch',
      'console',
    ];
    for (const name of names) await expect(one(`{{ typeof ${name} }}`)).resolves.toBe('undefined');
    await expect(one('{{ import("node:fs") }}')).rejects.toMatchObject({ code: 'EXPRESSION_FAILED' });
    await expect(one('{{ 1 }}')).resolves.toBe(1);
  });

  it('drops the globals that could outlive or block an evaluation', async () => {
    for (const name of ['WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics', 'WebAssembly']) {
      await expect(one(`{{ typeof ${name} }}`)).resolves.toBe('undefined');
    }
  });

  it('returns plain copies that belong to the host realm', async () => {
    const value = (await one('{{ { list: [1], nested: { a: 1 } } }}')) as { list: unknown; nested: unknown };
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Array.isArray(value.list)).toBe(true);
    expect(value.list).toBeInstanceOf(Array);
    expect(value.nested).toBeInstanceOf(Object);
  });
});

describe('pollution', () => {
  it('refuses changes to Object.prototype from $json.__proto__ and leaves the host untouched', async () => {
    await expect(one('{{ $json.__proto__.polluted = 1 }}')).rejects.toMatchObject({
      code: 'EXPRESSION_FAILED',
    });
    await expect(one('{{ Object.prototype.x = 1 }}')).rejects.toThrow(/not extensible/);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('leaves later evaluations untouched after an attempt to pollute', async () => {
    await one('{{ Array.prototype.push = null }}').catch(() => undefined);
    await one('{{ $str.lower = () => "hacked" }}').catch(() => undefined);
    await one('{{ Object.prototype.x = 1 }}').catch(() => undefined);
    await expect(one('{{ ({}).x ?? "clean" }}')).resolves.toBe('clean');
    await expect(one('{{ [1].concat([2]).map((n) => n * 2) }}')).resolves.toEqual([2, 4]);
    await expect(one('{{ $str.lower("ABC") }}')).resolves.toBe('abc');
  });

  it('keeps no global state from one evaluation to the next', async () => {
    await expect(one('{{ globalThis.leak = $json.secret }}', { secret: 's3cret' })).rejects.toThrow(
      /not extensible/,
    );
    await expect(one('{{ leak = 1 }}')).rejects.toThrow(/leak is not defined/);
    await expect(one('{{ typeof leak }}')).resolves.toBe('undefined');
  });

  it('does not leave the last regex match readable through RegExp statics', async () => {
    await expect(
      one('{{ /token=(\\w+)/.test($json.url) }}', { url: 'https://x.test/?token=abc' }),
    ).resolves.toBe(true);
    await expect(
      one('{{ [typeof RegExp.$1, typeof RegExp.input, typeof RegExp.lastMatch] }}'),
    ).resolves.toEqual(['undefined', 'undefined', 'undefined']);
  });
});

describe('limits', () => {
  it('times out an infinite loop and keeps working afterwards', async () => {
    const failure = evaluator.resolve({ a: '{{ 1 }}', b: '{{ (() => { for (;;) {} })() }}' }, testContext(), [
      {},
    ]);
    await expect(failure).rejects.toMatchObject({
      code: 'EXPRESSION_FAILED',
      message: expect.stringContaining('timed out after 100 ms on item 0'),
      details: { expression: '(() => { for (;;) {} })()', itemIndex: 0 },
    });
    await expect(one('{{ $json.n * 2 }}', { n: 21 })).resolves.toBe(42);
  });

  it('times out a loop hidden in a microtask', async () => {
    await expect(one('{{ (Promise.resolve().then(() => { for (;;) {} }), 1) }}')).rejects.toThrow(
      /timed out/,
    );
    await expect(one('{{ 2 }}')).resolves.toBe(2);
  });

  it('fails only the call that exhausts memory, then works in a fresh isolate', async () => {
    const bomb = '{{ (() => { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); })() }}';
    const slow = createExpressionEvaluator({ timeoutMs: 10_000 });
    try {
      await expect(slow.resolve({ v: bomb }, testContext(), [])).rejects.toMatchObject({
        code: 'EXPRESSION_FAILED',
        message: expect.stringContaining('ran out of memory (limit 64 MB)'),
      });
      await expect(
        slow.resolve({ v: '{{ $str.upper($json.a) }}' }, testContext(), [{ a: 'ok' }]),
      ).resolves.toEqual([{ v: 'OK' }]);
    } finally {
      slow.dispose();
    }
  });

  it('refuses a result longer than the cap with a clear error', async () => {
    const capped = createExpressionEvaluator({ maxResultLength: 1_000 });
    try {
      await expect(capped.resolve({ v: '{{ "x".repeat(2000) }}' }, testContext(), [])).rejects.toThrow(
        /the result is longer than 1000 characters of JSON/,
      );
      await expect(capped.resolve({ v: '{{ "x".repeat(10) }}' }, testContext(), [])).resolves.toEqual([
        { v: 'xxxxxxxxxx' },
      ]);
    } finally {
      capped.dispose();
    }
  });

  it('refuses a call whose results together exceed four times the cap', async () => {
    const capped = createExpressionEvaluator({ maxResultLength: 1_000 });
    const items = Array.from({ length: 10 }, () => ({}));
    try {
      await expect(capped.resolve({ v: '{{ "x".repeat(900) }}' }, testContext(), items)).rejects.toThrow(
        /results of this call are longer than 4000 characters/,
      );
    } finally {
      capped.dispose();
    }
  });
});
