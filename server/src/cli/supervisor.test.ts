import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { supervise } from './supervisor.js';

const dir = mkdtempSync(join(tmpdir(), 'sbss-supervisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A child that counts its starts in a file, says it is serving, then does what `then` says. */
function child(name: string, then: string, serving = true): { path: string; starts: () => string[] } {
  const path = join(dir, `${name}.cjs`);
  const log = join(dir, `${name}.log`);
  writeFileSync(
    path,
    `require('node:fs').appendFileSync(${JSON.stringify(log)}, (process.env.SBSS_AFTER_CRASH || '-') + '\\n');
${serving ? "process.send('serving');" : ''}
setTimeout(() => { ${then} }, 20);`,
  );
  return { path, starts: () => readFileSync(log, 'utf8').trim().split('\n') };
}

const run = (path: string, messages: string[] = [], hangMs = 60_000) =>
  supervise({
    modulePath: path,
    args: [],
    execArgv: [],
    env: {},
    log: (message) => messages.push(message),
    maxStops: 2,
    windowMs: 60_000,
    restartDelayMs: 10,
    hangMs,
  });

describe('supervise', () => {
  it('starts a child that was killed again, telling it so, and gives up after too many stops', async () => {
    const aborting = child('aborting', "process.kill(process.pid, 'SIGKILL')");
    const messages: string[] = [];
    expect(await run(aborting.path, messages)).toBe(1);
    expect(aborting.starts()).toEqual(['-', '1', '1']);
    expect(messages).toEqual([
      'SBSS stopped unexpectedly (SIGKILL); starting it again',
      'SBSS stopped unexpectedly (SIGKILL); starting it again',
      'SBSS stopped unexpectedly 3 times within 60 s (SIGKILL); giving up',
    ]);
  });

  it('kills a child that stopped answering and starts it again', async () => {
    const hanging = child('hanging', 'if (process.env.SBSS_AFTER_CRASH) process.exit(0); for (;;) {}');
    const messages: string[] = [];
    expect(await run(hanging.path, messages, 300)).toBe(0);
    expect(hanging.starts()).toEqual(['-', '1']);
    expect(messages).toEqual([
      'SBSS has not answered for 0.3 s; stopping it',
      'SBSS stopped unexpectedly (SIGKILL); starting it again',
    ]);
  });

  it('does not start again a child that stopped before it was serving', async () => {
    const failing = child('failing', 'process.exit(3)', false);
    expect(await run(failing.path)).toBe(3);
    expect(failing.starts()).toEqual(['-']);
  });

  it("ends with the child's own exit when it stops on its own", async () => {
    const done = child('done', 'process.exit(0)');
    expect(await run(done.path)).toBe(0);
    expect(done.starts()).toEqual(['-']);
  });
});
