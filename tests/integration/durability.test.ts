import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatform } from '@sbss/server';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startCli, until } from './cli-process.js';
import { type FlakyServer, startFlakyServer } from './flaky-server.js';
import { edge, node } from './server-harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sbss-durable-'));
const children: ChildProcess[] = [];
let counter: FlakyServer;

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await counter?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startChild(port: number): Promise<ChildProcess> {
  // The server itself is killed here, not a supervisor that would start it again.
  const child = await startCli(port, {
    SBSS_DATA_DIR: dataDir,
    SBSS_ALLOW_NETWORKS: '127.0.0.0/8',
    SBSS_SUPERVISE: '0',
  });
  children.push(child);
  return child;
}

type Step = { nodeId: string; status: string; finishedAt?: string };

/** Reads what the killed process had committed, from a copy of its data directory. */
async function committedSteps(ids: string[]): Promise<Map<string, Step[]>> {
  const snapshot = mkdtempSync(join(tmpdir(), 'sbss-snapshot-'));
  cpSync(dataDir, snapshot, { recursive: true });
  const platform = createPlatform({ databaseFile: join(snapshot, 'sbss.db'), dataDir: snapshot });
  try {
    return new Map(ids.map((id) => [id, platform.store.executions.get('default', id)?.steps ?? []]));
  } finally {
    await platform.close();
    rmSync(snapshot, { recursive: true, force: true });
  }
}

describe('durable executions', () => {
  it('resumes running executions after SIGKILL without repeating completed steps', async () => {
    counter = await startFlakyServer();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const first = await startChild(port);
    const created = (await fetch(`${base}/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'slow',
        nodes: [
          node('start', 'core/manual@1'),
          node('before', 'core/http@1', { url: `${counter.url}/before/{{ $execution.id }}`, method: 'GET' }),
          node('slow', 'core/wait@1', { amount: 300, unit: 'ms' }),
          node('after', 'core/http@1', { url: `${counter.url}/after/{{ $execution.id }}`, method: 'GET' }),
        ],
        edges: [edge('start', 'before'), edge('before', 'slow'), edge('slow', 'after')],
      }),
    }).then((response) => response.json())) as { id: string };

    const ids: string[] = [];
    for (let run = 0; run < 200; run += 1) {
      const started = (await fetch(`${base}/workflows/${created.id}/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ run }], wait: false }),
      }).then((response) => response.json())) as { executionId: string };
      ids.push(started.executionId);
    }
    const hitsOf = (prefix: string) =>
      [...counter.hits.keys()].filter((path) => path.startsWith(prefix)).length;
    await until(async () => hitsOf('/after/') >= 20, 'some executions to finish');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const before = await committedSteps(ids);
    const doneBefore = (id: string, nodeId: string) =>
      before.get(id)?.find((step) => step.nodeId === nodeId && step.status === 'succeeded');
    const unfinished = ids.filter((id) => !doneBefore(id, 'after'));
    expect(unfinished.length).toBeGreaterThan(0);

    await startChild(port);
    await until(async () => {
      const page = (await fetch(`${base}/executions?workflowId=${created.id}&status=succeeded&limit=1`).then(
        (response) => response.json(),
      )) as { total: number };
      return page.total === 200;
    }, 'all 200 executions to succeed');

    for (const id of ids) {
      const execution = (await fetch(`${base}/executions/${id}`).then((response) => response.json())) as {
        status: string;
        steps: Step[];
      };
      expect(execution.status).toBe('succeeded');
      expect(execution.steps.map((step) => step.status)).toEqual([
        'succeeded',
        'succeeded',
        'succeeded',
        'succeeded',
      ]);
      for (const nodeId of ['before', 'after']) {
        const committed = doneBefore(id, nodeId);
        if (committed) {
          expect(counter.hits.get(`/${nodeId}/${id}`)).toBe(1);
          expect(execution.steps.find((step) => step.nodeId === nodeId)?.finishedAt).toBe(
            committed.finishedAt,
          );
        }
        expect(counter.hits.get(`/${nodeId}/${id}`)).toBeGreaterThanOrEqual(1);
      }
    }
  }, 120_000);
});
