import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxServer, startSandboxServer } from './sandbox-harness.js';

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(() => server.close());
afterEach(() => server.expectContained());

const code = (source: string, items: unknown[] = [{ n: 1 }]) =>
  server.runNode('core/code@1', { code: source, mode: 'all' }, items);

/** Each body tries to reach the host and write a file; it can only fail. */
const harm = `.mainModule.require('fs').writeFileSync('/tmp/sbss-pwned-code', process.env.SBSS_TEST_CANARY)`;
const escapes: [string, string, RegExp][] = [
  [
    'this.constructor.constructor',
    `return this.constructor.constructor('return process')()${harm}`,
    /process is not defined|undefined/,
  ],
  [
    'items.constructor.constructor',
    `return items.constructor.constructor('return process')()${harm}`,
    /process is not defined/,
  ],
  [
    'arguments.callee.caller',
    `const f = arguments.callee.caller; return f.constructor('return process')()${harm}`,
    /callee|caller|process/,
  ],
  [
    'Function.prototype.constructor',
    `return Function.prototype.constructor('return globalThis.process')()${harm}`,
    /undefined/,
  ],
  [
    'AsyncFunction constructor',
    `const A = (async () => {}).constructor; return (await A('return process')())${harm}`,
    /process is not defined/,
  ],
  [
    'GeneratorFunction constructor',
    `const G = (function* () {}).constructor; return G('yield process')().next().value${harm}`,
    /process is not defined/,
  ],
  [
    'AsyncGeneratorFunction constructor',
    `const G = (async function* () {}).constructor; return (await G('yield process')().next()).value${harm}`,
    /process is not defined/,
  ],
  [
    'dynamic import()',
    `const fs = await import('node:fs'); fs.writeFileSync('/tmp/sbss-pwned-code', 'x'); return items;`,
    /not supported|import|module/i,
  ],
  [
    'require',
    `require('fs').writeFileSync('/tmp/sbss-pwned-code', 'x'); return items;`,
    /require is not defined/,
  ],
  ['process probe', `return [{ env: process.env }];`, /process is not defined/],
  [
    'globalThis probe',
    `const g = globalThis; if (!g.process && !g.require && !g.Buffer) throw new Error('nothing to find: ' + Object.getOwnPropertyNames(g).filter((n) => /^(process|require|module|Buffer|global)$/.test(n)).join()); return [{}];`,
    /nothing to find: $/,
  ],
  ['eval of process', `return eval('process.env')${harm}`, /process is not defined/],
  [
    "Luxon's constructors and zones",
    `return DateTime.now().zone.constructor.constructor('return process')()${harm} ?? Duration.constructor('return process')()${harm}`,
    /process is not defined/,
  ],
  [
    "n8n's $ and $input constructors",
    `$('x').isExecuted; return $.constructor('return process')()${harm} ?? $input.all.constructor('return process')()${harm}`,
    /process is not defined/,
  ],
  [
    'Error.prepareStackTrace frames',
    `Error.prepareStackTrace = (e, frames) => frames.map((f) => f.getThis && f.getThis()); const receivers = new Error('x').stack; for (const r of receivers) if (r && r.constructor) r.constructor.constructor('return process')()${harm}; throw new Error('no host receiver');`,
    /process is not defined|no host receiver/,
  ],
  [
    'Error.captureStackTrace getter',
    `const o = {}; Error.captureStackTrace(o); Object.defineProperty(o, 'stack', { get() { return process; } }); return [{ s: String(o.stack) }];`,
    /process is not defined/,
  ],
  [
    'stack of a RangeError',
    `function f() { return f(); } try { f(); } catch (e) { return e.constructor.constructor('return process')()${harm}; }`,
    /process is not defined/,
  ],
  [
    'Proxy as the result',
    `return new Proxy([], { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });`,
    /trap/,
  ],
  ['getter that throws in an item', `return [{ get x() { throw new Error('getter'); } }];`, /getter/],
  ['toJSON that returns a function', `return [{ toJSON: () => () => 1 }];`, /not items|object/i],
  [
    'Object.prototype.toJSON',
    `Object.prototype.toJSON = function () { return 'pwned'; }; return items;`,
    /not items|object/i,
  ],
  [
    'Symbol.toPrimitive in a thrown value',
    `throw { [Symbol.toPrimitive]() { throw new Error('x'); }, get message() { throw new Error('y'); } };`,
    /cannot be (described|shown)/,
  ],
  [
    'timers, fetch and SharedArrayBuffer',
    `if (typeof setTimeout + typeof fetch + typeof SharedArrayBuffer + typeof Atomics + typeof WebAssembly === 'undefined'.repeat(5)) throw new Error('none present'); return items;`,
    /none present/,
  ],
];

describe('Code node escapes', () => {
  it.each(escapes)('%s fails its step', async (_, source, message) => {
    const step = await code(source);
    expect(step.status).toBe('failed');
    expect(step.error?.code).toMatch(/NODE_FAILED|PLUGIN_OUTPUT_INVALID/);
    expect(step.error?.message).toMatch(message);
  });
});

describe('Code node limits', () => {
  const cases: [string, string, string][] = [
    ['a synchronous infinite loop', 'while (true) {}', 'PLUGIN_TIMEOUT'],
    [
      'an infinite loop in a promise chain',
      'await Promise.resolve().then(() => { for (;;) {} }); return items;',
      'PLUGIN_TIMEOUT',
    ],
    ['a promise that never settles', 'await new Promise(() => {}); return items;', 'PLUGIN_TIMEOUT'],
    ['deep recursion', 'const down = (n) => down(n + 1) + 1; return [{ n: down(0) }];', 'NODE_FAILED'],
    [
      'an array memory bomb',
      'const hoard = []; for (;;) hoard.push(new Array(1e5).fill(7));',
      // On a busy machine the CPU limit can fire before the heap fills; either stops it.
      'PLUGIN_MEMORY|PLUGIN_TIMEOUT',
    ],
    ['a string memory bomb', 'let s = "x"; for (;;) s += s;', 'NODE_FAILED'],
    ['a huge output', 'return [{ big: "x".repeat(3e6) }];', 'PLUGIN_OUTPUT_INVALID'],
  ];
  it.each(cases)('%s fails its step with a clear error', async (_, source, errorCode) => {
    const started = Date.now();
    const step = await code(source);
    expect(step.status).toBe('failed');
    expect(step.error?.code).toMatch(new RegExp(`^(${errorCode})$`));
    expect(step.error?.message).toMatch(/Code node|RangeError|Invalid string length|longer than|memory/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  // 15 MB of `a,` compiles into more heap than any isolate has, in one allocation: V8 aborted the
  // whole process. The length is refused before anything compiles it.
  const compileBomb = `return [${'a,'.repeat(7_500_000)}];`;

  it('refuses code too long to compile safely, in the check and in a run', async () => {
    const checked = await server.call<{ problems: { code: string; path: unknown[]; message: string }[] }>(
      'POST',
      '/api/v1/workflows/validate',
      {
        name: 'compile bomb',
        nodes: [{ id: 'x', type: 'core/code@1', params: { code: compileBomb, mode: 'all' } }],
        edges: [],
      },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.problems).toContainEqual(
      expect.objectContaining({
        code: 'PARAMS_INVALID',
        path: ['nodes', 0, 'params', 'code'],
        message: expect.stringContaining('at most 1,000,000 characters of code'),
      }),
    );
    const step = await code(compileBomb);
    expect(step.status).toBe('failed');
    expect(step.error?.message).toContain('at most 1,000,000 characters of code');
  });

  it('fails a step whose items nest deeper than the server walks, and the execution ends', async () => {
    const step = await code('let v = 1; for (let i = 0; i < 5000; i++) v = [v]; return [{ v }];');
    expect(step.status).toBe('failed');
    expect(step.runStatus).toBe('failed');
    expect(step.error).toMatchObject({
      code: 'PLUGIN_OUTPUT_INVALID',
      message: 'The output nests arrays and objects deeper than 256 levels',
    });
  });

  it('fails the step of code that asks for one oversized allocation; the server serves on', async () => {
    const step = await code('return [{ n: new Array(1.2e8).fill(0).length }];');
    expect(step.status).toBe('failed');
    expect(step.error?.code).toMatch(/^(PLUGIN_CRASHED|PLUGIN_TIMEOUT)$/);
    expect((await code('return items;')).status).toBe('succeeded');
  });

  it('runs normally right after a failure', async () => {
    await code('while (true) {}');
    const step = await code('console.log("fine"); return items.map((item) => ({ ...item, ok: true }));');
    expect(step.status).toBe('succeeded');
    expect(step.output?.main).toEqual([{ n: 1, ok: true }]);
    expect(step.logs.map((line) => line.message)).toContain('fine');
  });
});

describe('Code node pollution', () => {
  it('keeps __proto__ keys of returned items away from the host', async () => {
    const step = await code(`return [JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}')];`);
    expect(step.status).toBe('succeeded');
    expect(step.output?.main).toEqual([{ ok: 1 }]);
  });

  it('leaves the next call untouched when one pollutes its own realm', async () => {
    await code(
      'Object.prototype.polluted = true; Array.prototype.map = null; globalThis.leak = 1; return items;',
    );
    const step = await code(
      'return items.map((item) => ({ polluted: ({}).polluted ?? null, leak: typeof leak }));',
    );
    expect(step.output?.main).toEqual([{ polluted: null, leak: 'undefined' }]);
  });
});

describe('expressions', () => {
  const cases: [string, string][] = [
    ['constructor chain', `{{ $json.constructor.constructor('return process')().env }}`],
    ["n8n's $ constructor chain", `{{ $("start").constructor.constructor('return process')().env }}`],
    ["Luxon's constructor chain", `{{ DateTime.now().loc.constructor.constructor('return process')().env }}`],
    ["n8n's functions' constructor chain", `{{ $ext.constructor.constructor('return process')().env }}`],
    [
      'a function name on a constructor chain',
      `{{ $json.constructor.keys.constructor('return process')().first() }}`,
    ],
    ['an infinite loop', '{{ (() => { for (;;) {} })() }}'],
    ['a memory bomb', '{{ (() => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); })() }}'],
  ];
  it.each(cases)('%s in a param fails the step with EXPRESSION_FAILED', async (_, expression) => {
    const step = await server.runNode('core/set@1', { fields: { value: expression } });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('EXPRESSION_FAILED');
  });

  it('fails the step when a result nests deeper than the server walks', async () => {
    const step = await server.runNode('core/set@1', {
      fields: { value: '{{ (() => { let v = 1; for (let i = 0; i < 1000; i++) v = [v]; return v; })() }}' },
    });
    expect(step.status).toBe('failed');
    expect(step.error).toMatchObject({
      code: 'EXPRESSION_FAILED',
      message: "An expression's result nests arrays and objects deeper than 256 levels",
    });
  });

  it('refuses an expression too long to compile safely, in the check and in a run', async () => {
    const value = `{{ [${'a,'.repeat(7_500_000)}].length }}`;
    const checked = await server.call<{ problems: { code: string; message: string }[] }>(
      'POST',
      '/api/v1/workflows/validate',
      {
        name: 'compile bomb',
        nodes: [{ id: 'x', type: 'core/set@1', params: { fields: { value } } }],
        edges: [],
      },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.problems).toContainEqual(
      expect.objectContaining({
        code: 'EXPRESSION_INVALID',
        message: expect.stringContaining('an expression may have at most 100,000'),
      }),
    );
    const step = await server.runNode('core/set@1', { fields: { value } });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('EXPRESSION_FAILED');
    expect(step.error?.message).toContain('15,000,009 characters long');
  });
});
