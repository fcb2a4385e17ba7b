import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface ChildServer {
  url: string;
  pid: number;
  dataDir: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the first healthy answer. */
  startupMs: number;
  stop(): Promise<void>;
}

/** Polls `url` until it answers 2xx; returns the time it took. */
export async function waitUntilUp(url: string, started: number, timeoutMs = 30_000): Promise<number> {
  for (;;) {
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The built `sbss start` as users run it, on a free port with a fresh data directory. */
export async function startSbss(env: Record<string, string> = {}, dataDir?: string): Promise<ChildServer> {
  const port = await freePort();
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'sbss-bench-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', join(repoRoot, 'server/dist/cli/main.js'), 'start'],
    {
      // Unsupervised, so the pid whose memory the benchmarks read is the server's own.
      env: { ...process.env, PORT: String(port), SBSS_DATA_DIR: dir, SBSS_SUPERVISE: '0', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const startupMs = await waitUntilUp(`${url}/healthz`, started);
  return { url, pid: child.pid ?? 0, dataDir: dir, process: child, startupMs, stop: () => stopChild(child) };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
