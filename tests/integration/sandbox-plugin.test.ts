import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareHostileDataDir, type SandboxServer, startSandboxServer } from './sandbox-harness.js';
import { edge, node } from './server-harness.js';

let server: SandboxServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = await prepareHostileDataDir();
  server = await startSandboxServer({ dataDir });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => server.expectContained());

describe('an installed plugin', () => {
  it('is loaded at start and listed with its node types', async () => {
    const types = await server.call<{ type: string }[]>('GET', '/api/v1/node-types');
    expect(types.body.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['hostile/escape@1', 'hostile/output@1', 'hostile/limits@1', 'hostile/fetch@1']),
    );
  });
});

describe('plugin escapes', () => {
  const attacks = [
    'constructor-chain',
    'ctx-function-constructor',
    'log-function-constructor',
    'send-probe',
    'plugin-global-probe',
    'error-stack-frames',
    'capability-error-constructor',
  ];
  it.each(attacks)('%s fails its step', async (attack) => {
    const step = await server.runNode('hostile/escape@1', { attack });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('NODE_FAILED');
    expect(step.error?.message).toMatch(/TypeError|ReferenceError|Error:/);
  });
});

describe('plugin results', () => {
  const cases: [string, string][] = [
    ['proxy-throwing-traps', 'NODE_FAILED'],
    ['getter-throws', 'NODE_FAILED'],
    ['tojson-function', 'PLUGIN_OUTPUT_INVALID'],
    ['tojson-string', 'PLUGIN_OUTPUT_INVALID'],
    ['object-prototype-tojson', 'PLUGIN_CRASHED'],
    ['late-prototype-change', 'PLUGIN_CRASHED'],
    ['symbol-species', 'NODE_FAILED'],
    ['to-primitive-error', 'NODE_FAILED'],
    ['bigint-output', 'NODE_FAILED'],
    ['not-items', 'PLUGIN_OUTPUT_INVALID'],
    ['huge-output', 'PLUGIN_OUTPUT_INVALID'],
    ['many-items', 'PLUGIN_OUTPUT_INVALID'],
  ];
  it.each(cases)('%s fails its step with %s', async (attack, code) => {
    const step = await server.runNode('hostile/output@1', { attack });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe(code);
    expect(step.error?.message.length).toBeLessThan(3000);
  });

  it('drops __proto__ keys from returned items so the host is not polluted', async () => {
    const step = await server.runNode('hostile/output@1', { attack: 'proto-keys' });
    expect(step.status).toBe('succeeded');
    expect(step.output?.main).toEqual([{ ok: 1 }]);
  });
});

describe('plugin limits', () => {
  const cases: [string, string][] = [
    ['sync-loop', 'PLUGIN_TIMEOUT'],
    ['loop-after-capability', 'PLUGIN_TIMEOUT'],
    ['never-resolves', 'PLUGIN_TIMEOUT'],
    ['recursion', 'NODE_FAILED'],
    ['array-bomb', 'PLUGIN_MEMORY'],
    ['string-bomb', 'NODE_FAILED'],
    ['array-buffer-bomb', 'NODE_FAILED'],
  ];
  it.each(cases)('%s fails its step with %s and the plugin serves the next call', async (attack, code) => {
    const step = await server.runNode('hostile/limits@1', { attack });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe(code);
    const next = await server.runNode('hostile/output@1', { attack: 'proto-keys' });
    expect(next.status).toBe('succeeded');
  });
});

describe('plugin params checks', () => {
  const validate = async (attack: string) => {
    const result = await server.call<{ problems: { code: string; severity: string; message: string }[] }>(
      'POST',
      '/api/v1/workflows/validate',
      {
        name: 'checked',
        nodes: [node('start', 'core/manual@1'), node('subject', 'hostile/check@1', { attack })],
        edges: [edge('start', 'subject')],
      },
    );
    expect(result.status).toBe(200);
    return result.body.problems.filter((problem) => problem.code !== 'NO_TRIGGER');
  };
  const cases: [string, RegExp][] = [
    ['check-constructor-chain', /could not be checked: .*(TypeError|ReferenceError|Error)/],
    ['check-loop', /could not be checked: .*CPU time/],
    ['check-never-resolves', /could not be checked: .*gave no answer within 2000 ms/],
    ['check-array-bomb', /could not be checked: .*out of memory/],
    ['check-huge-issues', /could not be checked: /],
  ];
  it.each(cases)(
    '%s is a warning that the params could not be checked, and checks go on',
    async (attack, message) => {
      const problems = await validate(attack);
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'PARAMS_UNCHECKED',
          severity: 'warning',
          message: expect.stringMatching(message),
        }),
      ]);
      expect(problems[0]?.message.length).toBeLessThan(3000);
      expect(await validate('check-proto-issue')).toEqual([
        expect.objectContaining({ code: 'PARAMS_INVALID', severity: 'error', message: 'x' }),
      ]);
    },
  );
});

describe('expressions checked while editing', () => {
  it('answers a validation of an expression nested too deep to compile with a warning', async () => {
    const condition = `{{ ${'('.repeat(49_000)}1${')'.repeat(49_000)} }}`;
    const result = await server.call<{ problems: { code: string; message: string }[] }>(
      'POST',
      '/api/v1/workflows/validate',
      {
        name: 'deep',
        nodes: [node('start', 'core/manual@1'), node('deep', 'core/if@1', { condition })],
        edges: [],
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.problems).toContainEqual(
      expect.objectContaining({ code: 'PARAMS_UNCHECKED', message: expect.stringContaining('call stack') }),
    );
  });
});

describe('plugin capabilities', () => {
  it('reads only credentials its params reference', async () => {
    const step = await server.runNode('hostile/secret@1', { credential: 'mine', read: 'someone-elses' });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('CREDENTIAL_UNAVAILABLE');
  });
});
