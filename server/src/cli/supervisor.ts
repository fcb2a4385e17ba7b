import { type ChildProcess, fork } from 'node:child_process';

export interface SuperviseOptions {
  /** The CLI's own entry, run again in the child with `args`. */
  modulePath: string;
  args: string[];
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  log(message: string): void;
  /** More unexpected stops than this within `windowMs` and the supervisor gives up. */
  maxStops?: number;
  windowMs?: number;
  restartDelayMs?: number;
  /** A serving child that sends no `alive` for this long is killed and started again. */
  hangMs?: number;
}

/** How often a supervised server says it is alive (`start-command.ts`). */
export const aliveEveryMs = 2_000;

/**
 * Runs the server in a child process and starts it again when it stops unexpectedly. Sandboxed
 * code that asks V8 for more memory in one allocation than its isolate may have aborts the whole
 * process, whatever isolated-vm's limits say (`SANDBOX.md`); the new process is told so
 * (`SBSS_AFTER_CRASH`) and resumes the executions left unfinished one at a time, failing one that
 * stopped the server again. A child that stops answering (its event loop held for a minute, by a
 * call V8 keeps collecting garbage for, say) is killed and counts as such a stop. A child that
 * stops before it was serving is not started again, and SIGINT and SIGTERM are passed on to the
 * child, whose own exit code ends the supervisor.
 */
export function supervise(options: SuperviseOptions): Promise<number> {
  const { maxStops = 5, windowMs = 60_000, restartDelayMs = 500, hangMs = 60_000 } = options;
  const stops: number[] = [];
  let child: ChildProcess | undefined;
  let stopping = false;
  return new Promise<number>((resolve) => {
    const start = (afterCrash: boolean) => {
      let serving = false;
      let aliveAt = Date.now();
      const env = { ...options.env, SBSS_SUPERVISED: '1', SBSS_AFTER_CRASH: afterCrash ? '1' : '' };
      const current = fork(options.modulePath, options.args, {
        execArgv: options.execArgv,
        env,
        stdio: 'inherit',
      });
      child = current;
      current.on('message', (message) => {
        if (message === 'serving') serving = true;
        aliveAt = Date.now();
      });
      const watch = setInterval(
        () => {
          if (!serving || Date.now() - aliveAt <= hangMs) return;
          options.log(`SBSS has not answered for ${hangMs / 1000} s; stopping it`);
          current.kill('SIGKILL');
        },
        Math.min(hangMs, aliveEveryMs),
      );
      current.once('exit', (code, signal) => {
        clearInterval(watch);
        if (stopping || !serving || (code === 0 && signal === null)) {
          resolve(code ?? 1);
          return;
        }
        const now = Date.now();
        stops.push(now);
        while ((stops[0] ?? now) < now - windowMs) stops.shift();
        const how = signal ?? `exit code ${code}`;
        if (stops.length > maxStops) {
          options.log(
            `SBSS stopped unexpectedly ${stops.length} times within ${windowMs / 1000} s (${how}); giving up`,
          );
          resolve(1);
          return;
        }
        options.log(`SBSS stopped unexpectedly (${how}); starting it again`);
        setTimeout(() => (stopping ? resolve(1) : start(true)), restartDelayMs);
      });
    };
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      child?.kill(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    start(false);
  });
}
