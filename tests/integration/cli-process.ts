import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built CLI, run as users run it. */
export const cli = fileURLToPath(new URL('../../server/dist/cli/main.js', import.meta.url));

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function healthy(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then(
    (response) => response.ok,
    () => false,
  );
}

/** `sbss start` on `port` with `env`, once it answers `/healthz`. */
export async function startCli(
  port: number,
  env: Record<string, string>,
  stdio: 'inherit' | 'pipe' = 'inherit',
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--no-node-snapshot', cli, 'start'], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', stdio],
  });
  try {
    await until(() => healthy(port), 'the server to come up', 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}
