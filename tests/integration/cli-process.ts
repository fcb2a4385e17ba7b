import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { waitUntilUp } from '../bench/child-server.js';

export { freePort } from '../bench/child-server.js';

/** The built CLI, run as users run it. */
export const cli = fileURLToPath(new URL('../../server/dist/cli/main.js', import.meta.url));

export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const healthUrl = (port: number) => `http://127.0.0.1:${port}/healthz`;

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
    await waitUntilUp(healthUrl(port), performance.now(), 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}
