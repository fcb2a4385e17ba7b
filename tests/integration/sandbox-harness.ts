import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlugin, installPlugin, type ServerOptions } from '@sbss/server';
import { expect } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

export const hostileFixture = fileURLToPath(new URL('./fixtures/sbss-plugin-hostile', import.meta.url));

/** A secret planted in the server's environment; no output, log or error may ever show it. */
export const canary = `sbss-canary-${randomBytes(8).toString('hex')}`;

export interface SandboxServer extends TestServer {
  /** Every response body seen, to search for the canary. */
  seen: string[];
  /** Runs `manual → <type>` with the items and returns the node's step and the run's status. */
  runNode(
    type: string,
    params: Record<string, unknown>,
    items?: unknown[],
    extra?: Record<string, unknown>,
  ): Promise<StepView>;
  /** The server still answers, nothing was written, no secret showed. */
  expectContained(): Promise<void>;
}

export interface StepView {
  status: string;
  runStatus: string;
  output?: Record<string, Record<string, unknown>[]>;
  error?: { code: string; message: string; details?: unknown };
  logs: { level: string; message: string }[];
}

/** Builds the hostile fixture in a scratch copy and installs it in a fresh data dir. */
export async function prepareHostileDataDir(): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'sbss-hostile-src-'));
  cpSync(hostileFixture, scratch, { recursive: true, filter: (path) => !/(node_modules|dist)$/.test(path) });
  await buildPlugin(scratch);
  const dataDir = mkdtempSync(join(tmpdir(), 'sbss-hostile-data-'));
  await installPlugin(scratch, { dataDir });
  rmSync(scratch, { recursive: true, force: true });
  return dataDir;
}

export async function startSandboxServer(options: ServerOptions = {}): Promise<SandboxServer> {
  process.env.SBSS_TEST_CANARY = canary;
  const server = await startTestServer({
    // A memory bomb fills 64 MB in about 130 ms, but isolated-vm's timeouts and its `cpuTime`
    // both run on the clock while a call holds its isolate, which a busy two-core machine
    // stretches (450-500 ms with three busy processes beside it): the limits leave room for that.
    sandbox: {
      cpuTimeMs: 1_500,
      wallTimeMs: 4_000,
      checkWaitMs: 2_000,
      memoryLimitMb: 64,
      maxOutputLength: 2_000_000,
    },
    ...options,
  });
  const seen: string[] = [];
  const call: TestServer['call'] = async (method, path, body) => {
    const result = await server.call(method, path, body);
    seen.push(JSON.stringify(result.body ?? null));
    return result as never;
  };
  return {
    ...server,
    call,
    seen,
    async runNode(type, params, items = [{}], extra = {}) {
      const created = await call<{ id: string }>('POST', '/api/v1/workflows', {
        name: `sandbox ${type}`,
        nodes: [node('start', 'core/manual@1'), node('subject', type, params, extra)],
        edges: [edge('start', 'subject')],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const run = await call<{ executionId: string; status: string }>(
        'POST',
        `/api/v1/workflows/${created.body.id}/run`,
        { items },
      );
      const execution = await call<{ steps: (StepView & { nodeId: string })[] }>(
        'GET',
        `/api/v1/executions/${run.body.executionId}`,
      );
      const step = execution.body.steps.find((candidate) => candidate.nodeId === 'subject');
      if (!step) throw new Error(`No step for the node: ${JSON.stringify(execution.body)}`);
      return { ...step, runStatus: run.body.status };
    },
    async expectContained() {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith('sbss-pwned'))).toEqual([]);
      expect(existsSync('/tmp/sbss-pwned-plugin')).toBe(false);
      expect(seen.join('\n')).not.toContain(canary);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).pollutedByPlugin).toBeUndefined();
    },
  };
}
