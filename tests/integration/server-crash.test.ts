import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntilUp } from '../bench/child-server.js';
import { freePort, healthUrl, startCli, until } from './cli-process.js';
import { edge, node } from './server-harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sbss-crash-'));
let supervisor: ChildProcess | undefined;

afterAll(async () => {
  if (supervisor && supervisor.exitCode === null) {
    const exited = new Promise((resolve) => supervisor?.once('exit', resolve));
    supervisor.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

type Execution = { id: string; status: string; error?: { code: string; message: string } };

describe('a server ended by what an execution runs', () => {
  it('comes back, fails the execution that ended it twice, and finishes the one that ran beside it', async () => {
    const port = await freePort();
    const api = `http://127.0.0.1:${port}/api/v1`;
    supervisor = await startCli(port, { SBSS_DATA_DIR: dataDir }, 'pipe');
    const said: string[] = [];
    supervisor.stderr?.on('data', (chunk: Buffer) => said.push(chunk.toString()));
    const post = async <T>(path: string, body: unknown): Promise<T> =>
      (await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => response.json())) as T;
    const workflow = (
      name: string,
      second: ReturnType<typeof node>,
      first = node('start', 'core/manual@1'),
    ) =>
      post<{ id: string }>('/workflows', {
        name,
        nodes: [first, second],
        edges: [edge(first.id, second.id)],
      });
    const slow = await workflow('slow', node('pause', 'core/wait@1', { amount: 1_500, unit: 'ms' }));
    // One allocation of about 1 GB: V8 aborts the process instead of failing the isolate.
    const bomb = await workflow(
      'bomb',
      node('grow', 'core/set@1', { fields: { n: '{{ new Array(1.2e8).fill(0).length }}' } }),
      node('hook', 'core/webhook@1', { path: 'bomb', method: 'POST' }),
    );
    await post(`/workflows/${bomb.id}/activate`, {});
    const call = () =>
      fetch(`http://127.0.0.1:${port}/hooks/bomb`, { method: 'POST' }).then(
        (response) => response.status,
        () => 'no answer',
      );
    const beside = await post<{ executionId: string }>(`/workflows/${slow.id}/run`, {
      items: [{}],
      wait: false,
    });
    // The call dies with the process that answers it.
    expect(await call()).toBe('no answer');
    await waitUntilUp(healthUrl(port), performance.now(), 30_000);

    // The server stops a second time while the execution runs alone again: reads may fail.
    const read = <T>(path: string): Promise<T | undefined> =>
      fetch(`${api}${path}`).then(
        (response) => response.json() as Promise<T>,
        () => undefined,
      );
    const executionsOf = async (workflowId: string) =>
      (await read<{ items: Execution[] }>(`/executions?workflowId=${workflowId}`))?.items ?? [];
    await until(
      async () => (await executionsOf(bomb.id))[0]?.status === 'failed',
      'the execution that ended the server to fail',
    );
    const [ended] = await executionsOf(bomb.id);
    expect(ended?.error).toMatchObject({
      code: 'SERVER_STOPPED',
      message: expect.stringContaining(
        'while this execution ran at node "grow", and again when it ran alone once more, so it is not run again and its workflow was deactivated',
      ),
    });
    await until(
      async () => (await read<Execution>(`/executions/${beside.executionId}`))?.status === 'succeeded',
      'the execution beside it to finish',
    );
    const detail = await read<{ steps: { nodeId: string; status: string; error?: { code: string } }[] }>(
      `/executions/${ended?.id}`,
    );
    expect(detail?.steps.find((step) => step.nodeId === 'grow')).toMatchObject({
      status: 'failed',
      error: { code: 'SERVER_STOPPED' },
    });
    expect(await call()).toBe(404);
    const fine = await workflow('fine', node('sum', 'core/set@1', { fields: { n: '{{ 1 + 1 }}' } }));
    expect(await post(`/workflows/${fine.id}/run`, { items: [{}] })).toMatchObject({
      status: 'succeeded',
      output: { main: [{ n: 2 }] },
    });
    expect(said.join('').match(/SBSS stopped unexpectedly \(SIGABRT\); starting it again/g)).toHaveLength(2);
  });
});
