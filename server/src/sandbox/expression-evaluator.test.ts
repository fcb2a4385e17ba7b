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

describe('typed results', () => {
  it('keeps the type of a string that is exactly one expression', async () => {
    expect(await one('{{ $json.count + 1 }}', { count: 41 })).toBe(42);
    expect(await one(' {{ $json.count > 1 }} ', { count: 2 })).toBe(true);
    expect(await one('{{ { a: [1, 2] } }}')).toEqual({ a: [1, 2] });
    expect(await one('{{ [1, "two"] }}')).toEqual([1, 'two']);
    expect(await one('{{ null }}')).toBeNull();
    expect(await one('{{ "text" }}')).toBe('text');
  });

  it('turns values JSON cannot hold into null and bigints into text', async () => {
    expect(await one('{{ undefined }}')).toBeNull();
    expect(await one('{{ () => 1 }}')).toBeNull();
    expect(await one('{{ Symbol("s") }}')).toBeNull();
    expect(await one('{{ NaN }}')).toBeNull();
    expect(await one('{{ ({ f() {}, u: undefined, n: 1 }) }}')).toEqual({ f: null, u: null, n: 1 });
    expect(await one('{{ 2n ** 70n }}')).toBe('1180591620717411303424');
    expect(await one('{{ new Date(0) }}')).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('long batches', () => {
  it('carries items and results that cross in pieces, Chinese and emoji cut anywhere', async () => {
    const items = Array.from({ length: 60 }, (_, n) => ({ text: `好评 😀 good ${n} `.repeat(6) }));
    const resolved = await evaluator.resolve({ loud: '{{ $json.text }}！' }, testContext(), items);
    expect(resolved).toEqual(items.map((item) => ({ loud: `${item.text}！` })));
  });
});

describe('string interpolation', () => {
  it('stringifies each result into the surrounding text', async () => {
    expect(await one('{{ $json.n }} mentions of {{ $json.brand }}', { n: 3, brand: 'Acme' })).toBe(
      '3 mentions of Acme',
    );
  });

  it('writes objects as JSON, dates as ISO and null or undefined as nothing', async () => {
    expect(await one('a={{ $json.a }};', { a: { b: [1] } })).toBe('a={"b":[1]};');
    expect(await one('[{{ null }}|{{ undefined }}|{{ $json.missing }}]')).toBe('[||]');
    expect(await one('at {{ new Date(0) }}')).toBe('at 1970-01-01T00:00:00.000Z');
    expect(await one('{{ 1 }}{{ 2 }}')).toBe('12');
  });
});

describe('params and items', () => {
  it('resolves expressions nested anywhere and leaves other values alone', async () => {
    const params = {
      url: 'https://x.test/{{ $json.id }}',
      body: { tags: ['{{ $json.tag }}', 'fixed'], n: 5 },
      on: true,
    };
    const [resolved] = await evaluator.resolve(params, testContext(), [{ id: 7, tag: 'vip' }]);
    expect(resolved).toEqual({ url: 'https://x.test/7', body: { tags: ['vip', 'fixed'], n: 5 }, on: true });
  });

  it('returns one resolved copy per item with $json, $index (n8n: $itemIndex) and $items', async () => {
    const items = [{ v: 'a' }, { v: 'b' }, { v: 'c' }];
    const resolved = await evaluator.resolve(
      { x: '{{ $index }}{{ $itemIndex }}:{{ $json.v }}/{{ $items.length }}' },
      testContext(),
      items,
    );
    expect(resolved).toEqual([{ x: '00:a/3' }, { x: '11:b/3' }, { x: '22:c/3' }]);
  });

  it('resolves once with an empty $json when there are no items', async () => {
    expect(
      await evaluator.resolve({ x: '{{ $json }}', n: '{{ $items.length }}' }, testContext(), []),
    ).toEqual([{ x: {}, n: 0 }]);
  });

  it('hands items whose expressions give the same scalars one params object', async () => {
    const items = [{ n: 1 }, { n: 5 }, { n: 9 }];
    const resolved = await evaluator.resolve({ big: '{{ $json.n > 2 }}', tag: 'x' }, testContext(), items);
    expect(resolved).toEqual([
      { big: false, tag: 'x' },
      { big: true, tag: 'x' },
      { big: true, tag: 'x' },
    ]);
    expect(resolved[1]).toBe(resolved[2]);
    expect(resolved[0]).not.toBe(resolved[1]);
  });

  it('gives each item its own params when a result is an object', async () => {
    const resolved = await evaluator.resolve({ at: '{{ ({ x: 1 }) }}' }, testContext(), [{}, {}]);
    expect(resolved).toEqual([{ at: { x: 1 } }, { at: { x: 1 } }]);
    expect(resolved[0]).not.toBe(resolved[1]);
  });

  it('returns separate copies of params without expressions', async () => {
    const params = { a: { b: 1 } };
    const resolved = await evaluator.resolve(params, testContext(), [{}, {}]);
    expect(resolved).toEqual([params, params]);
    expect(resolved[0]).not.toBe(params);
    expect(resolved[0]).not.toBe(resolved[1]);
  });
});

describe('scope', () => {
  it('exposes upstream nodes by name as $node[name].json and .items', async () => {
    expect(await one('{{ $node["Webhook"].json.body.user }}')).toBe('ada');
    expect(await one('{{ $node.Webhook.items.map((i) => i.body.user) }}')).toEqual(['ada', 'bob']);
    expect(await one('{{ $node["Missing"]?.json ?? "none" }}')).toBe('none');
  });

  it('finds an output reached at run time by its id and by its name', async () => {
    const entry = { json: { user: 'ada' }, items: [{ user: 'ada' }] };
    const nodes = JSON.parse('{"__proto__": {"json": {"user": "eve"}, "items": []}}');
    Object.assign(nodes, { n1: entry, Webhook: entry });
    nodes.proto = Object.getOwnPropertyDescriptor(nodes, '__proto__')?.value;
    const read = (expression: string, item: Item) =>
      evaluator.resolve({ v: expression }, testContext({ nodes }), [item]).then(([v]) => v);
    const keys = ['n1', 'Webhook', '__proto__', 'proto'];
    expect(await read('{{ $json.keys.map((key) => $node[key].json.user) }}', { keys })).toEqual({
      v: ['ada', 'ada', 'eve', 'eve'],
    });
    expect(await read('{{ Object.keys($node).sort() }}', {})).toEqual({ v: [...keys].sort() });
  });

  it("reaches items as n8n does: $input and $('Name'), items wrapped as { json }", async () => {
    const [first, second] = await evaluator.resolve(
      {
        item: '{{ $input.item.json.n }}',
        all: '{{ $input.all().map((i) => i.json.n) }}',
        ends: '{{ [$input.first().json.n, $input.last().json.n] }}',
        user: '{{ $("Webhook").first().json.body.user }}',
        users:
          "{{ $('Webhook').all().map((i) => i.json.body.user).concat($('Webhook').last().json.body.user) }}",
        ran: '{{ [$("Webhook").isExecuted, $("Missing").isExecuted] }}',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the expression's own template literal
        text: 'Hi {{ $("Webhook").first().json.body.user }}, {{ `${$json.n}` }}',
      },
      testContext(),
      [{ n: 1 }, { n: 2 }],
    );
    expect(first).toEqual({
      item: 1,
      all: [1, 2],
      ends: [1, 2],
      user: 'ada',
      users: ['ada', 'bob', 'bob'],
      ran: [true, false],
      text: 'Hi ada, 1',
    });
    expect(second).toMatchObject({ item: 2, all: [1, 2] });
  });

  it("answers $('Name').item with the item traced back, or the one item, and says why otherwise", async () => {
    const nodes = { Form: { json: { email: 'a@b.co' }, items: [{ email: 'a@b.co' }] } };
    const [result] = await evaluator.resolve(
      { v: '{{ $("Form").item.json.email }}' },
      testContext({ nodes }),
      [{}],
    );
    expect(result).toEqual({ v: 'a@b.co' });
    const asked: string[] = [];
    const traced = testContext({
      pairedIndexes: (key, items) => {
        asked.push(key);
        return items.map((_, index) => (index === 2 ? -1 : 1 - index));
      },
    });
    const values = await evaluator.resolve({ v: '{{ $("Webhook").item.json.body.user }}' }, traced, [{}, {}]);
    expect(values).toEqual([{ v: 'bob' }, { v: 'ada' }]);
    expect(asked).toEqual(['Webhook']);
    await expect(
      evaluator.resolve({ v: '{{ $("Webhook").item.json }}' }, traced, [{}, {}, {}]),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'item 2 here cannot be traced back to one of the 2 items that node emitted (a node on the way built it anew); use .first(), .last() or .all()',
      ),
    });
    await expect(one('{{ $("Missing").first() }}')).rejects.toMatchObject({
      message: expect.stringContaining('$("Missing"): no node of that name or id ran before this one'),
    });
    const none = { Empty: { json: {}, items: [] } };
    const [empty] = await evaluator.resolve(
      { first: '{{ $("Empty").first() ?? "none" }}', all: '{{ $("Empty").all().length }}' },
      testContext({ nodes: none }),
      [{}],
    );
    expect(empty).toEqual({ first: 'none', all: 0 });
  });

  it('exposes the execution, workspace variables and the clock', async () => {
    expect(await one('{{ $execution }}')).toEqual({ id: 'exec-1', workflowId: 'wf-1', mode: 'webhook' });
    expect(await one('{{ $workflow.name }} v{{ $workflow.version }} ({{ $workflow.id }})')).toBe(
      'Brand watch v3 (wf-1)',
    );
    expect(await one('{{ $vars.brand }} > {{ $vars.threshold }}')).toBe('Acme > 1000');
    expect(await one('{{ $now }}')).toBe('2024-03-10T15:45:30.000Z');
    expect(await one('{{ $today }}')).toBe('2024-03-10');
  });
});

describe('errors', () => {
  it('reports a syntax error naming the expression', async () => {
    const failure = one('{{ $json.a + }}');
    await expect(failure).rejects.toMatchObject({
      code: 'EXPRESSION_FAILED',
      message: expect.stringMatching(/Expression "\{\{ \$json\.a \+ \}\}" has a syntax error: SyntaxError/),
      details: { expression: '$json.a +', itemIndex: null },
    });
  });

  it('reports a thrown error with the expression and the item it failed on', async () => {
    const failure = evaluator.resolve({ x: '{{ $json.a.b }}' }, testContext(), [{ a: { b: 1 } }, {}]);
    await expect(failure).rejects.toMatchObject({
      code: 'EXPRESSION_FAILED',
      message: expect.stringContaining('failed on item 1: TypeError'),
      details: { expression: '$json.a.b', itemIndex: 1 },
    });
    await expect(one('{{ (() => { throw new Error("boom") })() }}')).rejects.toThrow(/Error: boom/);
    await expect(one('{{ (() => { throw "plain" })() }}')).rejects.toThrow(/plain/);
  });

  it('survives a thrown value whose properties throw', async () => {
    const source = '{{ (() => { throw { get message() { throw 1 }, get name() { throw 2 } } })() }}';
    await expect(one(source)).rejects.toMatchObject({ code: 'EXPRESSION_FAILED' });
    await expect(one('{{ 1 + 1 }}')).resolves.toBe(2);
  });

  it('refuses a Promise as a result', async () => {
    await expect(one('{{ Promise.resolve(1) }}')).rejects.toThrow(/Promise; expressions are synchronous/);
    await expect(one('{{ (async () => 1)() }}')).rejects.toThrow(/Promise/);
  });

  it('refuses a circular result', async () => {
    await expect(one('{{ (() => { const a = {}; a.a = a; return a })() }}')).rejects.toThrow(/circular/);
  });
});

describe('compiled expression cache', () => {
  it('keeps evaluating correctly when distinct expressions outnumber the cache', async () => {
    const small = createExpressionEvaluator({ cacheSize: 10 });
    try {
      for (let round = 0; round < 2; round++) {
        for (let n = 0; n < 60; n++) {
          const [params] = await small.resolve({ v: `{{ $json.base + ${n} }}` }, testContext(), [
            { base: 1000 },
          ]);
          expect(params).toEqual({ v: 1000 + n });
        }
      }
    } finally {
      small.dispose();
    }
  });

  it('evaluates one call holding more expressions than the cache', async () => {
    const small = createExpressionEvaluator({ cacheSize: 5 });
    try {
      const params = Object.fromEntries(Array.from({ length: 30 }, (_, n) => [`k${n}`, `{{ ${n} * 2 }}`]));
      const [resolved] = await small.resolve(params, testContext(), []);
      expect(resolved).toEqual(Object.fromEntries(Array.from({ length: 30 }, (_, n) => [`k${n}`, n * 2])));
    } finally {
      small.dispose();
    }
  });
});

describe('hasExpressions', () => {
  it('finds {{ }} in strings, arrays and nested objects', () => {
    expect(evaluator.hasExpressions('{{ $json.a }}')).toBe(true);
    expect(evaluator.hasExpressions('Hi {{ $json.name }}!')).toBe(true);
    expect(evaluator.hasExpressions(['a', { b: { c: ['{{ 1 }}'] } }])).toBe(true);
  });

  it('is false for plain values and unclosed braces', () => {
    expect(evaluator.hasExpressions({ a: 'plain', b: [1, null, true], c: { d: 'x' } })).toBe(false);
    expect(evaluator.hasExpressions('{{ not closed')).toBe(false);
    expect(evaluator.hasExpressions('}} reversed {{')).toBe(false);
    expect(evaluator.hasExpressions(42)).toBe(false);
    expect(evaluator.hasExpressions(null)).toBe(false);
  });
});

describe('dispose', () => {
  it('rejects calls after the evaluator is disposed', async () => {
    const short = createExpressionEvaluator();
    await expect(short.resolve({ v: '{{ 1 }}' }, testContext(), [])).resolves.toEqual([{ v: 1 }]);
    short.dispose();
    await expect(short.resolve({ v: '{{ 1 }}' }, testContext(), [])).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });
});
