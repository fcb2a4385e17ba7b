import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareHostileDataDir, type SandboxServer, startSandboxServer } from './sandbox-harness.js';

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

describe('plugin capabilities', () => {
  it('reads only credentials its params reference', async () => {
    const step = await server.runNode('hostile/secret@1', { credential: 'mine', read: 'someone-elses' });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('CREDENTIAL_UNAVAILABLE');
  });
});
