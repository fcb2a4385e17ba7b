import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeError } from '@sbss/sdk';
import { type RunNodeOptions, runNode } from '@sbss/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchNode,
  labelNode,
  longNode,
  pairNode,
  refuseNode,
  shoutNode,
} from './harness-nodes.test-support.js';
import { disposeSandboxHarness, runNodeInSandbox } from './sandbox-harness.js';

const nodes = fileURLToPath(new URL('./harness-nodes.test-support.ts', import.meta.url));
let pluginDir = '';

beforeAll(() => {
  pluginDir = mkdtempSync(join(tmpdir(), 'sbss-harness-'));
  mkdirSync(join(pluginDir, 'src'));
  writeFileSync(join(pluginDir, 'src', 'index.ts'), `export { default } from ${JSON.stringify(nodes)};\n`);
});
afterAll(() => {
  disposeSandboxHarness();
  rmSync(pluginDir, { recursive: true, force: true });
});

const now = new Date('2025-03-01T08:00:00Z');
const fetchOptions: RunNodeOptions = {
  params: { credential: 'api', limit: 2 },
  credentials: { api: { token: 't-1' } },
  state: { cursor: '41' },
  data: { contacts: { c1: { name: 'ann', vip: true }, c2: { name: 'bob', vip: false } } },
  http: (request) => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: request.url.includes('after=41')
      ? [
          { id: '42', author: 'ann', text: 'love it' },
          { id: '43', author: 'bob', text: 'broken' },
        ]
      : [],
  }),
  now,
};

describe('runNodeInSandbox', () => {
  it('gives the same output, logs, state, data and requests as runNode', async () => {
    const inProcess = await runNode(fetchNode, fetchOptions);
    const sandboxed = await runNodeInSandbox(pluginDir, 'fetch@1', fetchOptions);
    expect(sandboxed).toEqual(inProcess);
    expect(sandboxed.output.main).toEqual([
      { id: '42', author: 'ann', text: 'love it', vip: true, key: 'test-execution:fetch:0' },
      { id: '43', author: 'bob', text: 'broken', vip: false, key: 'test-execution:fetch:1' },
    ]);
    expect(sandboxed.state.get('cursor')).toBe('43');
    expect(sandboxed.data.get('mentions')?.size).toBe(2);
    expect(sandboxed.requests[0]?.headers).toEqual({ authorization: 'Bearer t-1' });
    expect(sandboxed.logs).toEqual([{ level: 'info', message: 'fetched', data: { count: 2, vips: 1 } }]);
  });

  it('hands a node the items of each of its input ports', async () => {
    const options: RunNodeOptions = {
      input: {
        mentions: [{ text: '好评' }, { text: 'late again' }],
        owners: [{ name: 'ann' }, { name: 'bob' }],
      },
    };
    const sandboxed = await runNodeInSandbox(pluginDir, 'pair@1', options);
    expect(sandboxed).toEqual(await runNode(pairNode, options));
    expect(sandboxed.output.main).toEqual([
      { text: '好评', owner: 'ann' },
      { text: 'late again', owner: 'bob' },
    ]);
  });

  it('hands each item its own params', async () => {
    const options: RunNodeOptions = {
      input: [{ n: 1 }, { n: 2 }],
      itemParams: (item) => ({ label: `item ${item.n}` }),
    };
    const sandboxed = await runNodeInSandbox(pluginDir, 'label@1', options);
    expect(sandboxed.output).toEqual((await runNode(labelNode, options)).output);
    expect(sandboxed.output.main?.map((item) => item.label)).toEqual(['item 1', 'item 2']);
  });

  it('shows a node only the fields it reads, and keeps the others on the items it made from them', async () => {
    const mention = (id: string, text: string) => ({ id, text, author: { name: 'ann' }, raw: { n: 1 } });
    const options = { input: [mention('1', 'calm'), mention('2', 'loud'), mention('3', 'new')] };
    const sandboxed = await runNodeInSandbox(pluginDir, 'shout@1', options);
    expect(sandboxed.output).toEqual((await runNode(shoutNode, options)).output);
    expect(sandboxed.output.main).toEqual([
      mention('1', 'calm'),
      { ...mention('2', 'LOUD'), seen: 'text' },
      { length: 3, seen: 'text' },
    ]);
  });

  it('puts the unread fields of each filtered item back on the item made from it, not on its neighbour', async () => {
    const input = ['a', 'bb', 'long one', 'ccc', 'longer one', 'longest one'].map((text, n) => ({
      text,
      n,
      raw: { n },
    }));
    const sandboxed = await runNodeInSandbox(pluginDir, 'long@1', { input });
    expect(sandboxed.output).toEqual((await runNode(longNode, { input })).output);
    expect(sandboxed.output.main).toEqual([
      { text: 'long one', n: 2, raw: { n: 2 }, length: 8 },
      { text: 'longer one', n: 4, raw: { n: 4 }, length: 10 },
      { text: 'longest one', n: 5, raw: { n: 5 }, length: 11 },
    ]);
  });

  it('fails a capability the options leave out with the same code in both', async () => {
    const options = { ...fetchOptions, credentials: {} };
    const expected = {
      code: 'CREDENTIAL_UNAVAILABLE',
      message: 'Credential "api" is not available to this node',
    };
    await expect(runNode(fetchNode, options)).rejects.toMatchObject(expected);
    await expect(runNodeInSandbox(pluginDir, 'fetch@1', options)).rejects.toMatchObject(expected);
  });

  it('rethrows a NodeError with its code and details', async () => {
    const expected = { code: 'QUOTA_EXCEEDED', message: 'The daily quota is used up', details: { left: 0 } };
    await expect(runNode(refuseNode)).rejects.toMatchObject(expected);
    const error = await runNodeInSandbox(pluginDir, 'refuse@1').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NodeError);
    expect(error).toMatchObject(expected);
  });

  it('fails a node that overruns its CPU limit with PLUGIN_TIMEOUT', async () => {
    const run = runNodeInSandbox(pluginDir, 'spin@1', { limits: { cpuTimeMs: 200 } });
    await expect(run).rejects.toMatchObject({
      code: 'PLUGIN_TIMEOUT',
      message: expect.stringMatching(
        /^Node "spin@1" of plugin .* (used more|ran longer) than its 200 ms of CPU time$/,
      ),
    });
  });
});
