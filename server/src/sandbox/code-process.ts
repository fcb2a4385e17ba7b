import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ErrorCode, type ErrorRecord, errorCodes, SbssError } from '../engine/errors.js';
import type { SandboxLimits } from './sandbox-limits.js';

export interface CodeProcessRequest {
  id: number;
  /** The runtime's payload (see `code-runtime-source.ts`); absent on a cancel. */
  payload?: string;
  cancel?: true;
}

export type CodeProcessReply = { id: number; answer: string } | { id: number; error: ErrorRecord };

interface Pending {
  resolve(answer: string): void;
  reject(error: SbssError): void;
}

const own = fileURLToPath(import.meta.url);
// Run from source (the tests), the child needs the TypeScript loader the parent was started with.
const fromSource = own.endsWith('.ts');
const entry = own.replace(/code-process\.(ts|js)$/, `code-process-main.${fromSource ? 'ts' : 'js'}`);

/**
 * Runs Code node calls in a child process of their own. A Code node body can ask V8 for one
 * allocation larger than its isolate may have (`new Array(1.2e8).fill(0)`, a Map of tens of
 * millions of entries), which ends the process it runs in rather than the isolate
 * (`SANDBOX.md`): here that is this child, whose calls then fail with `PLUGIN_CRASHED`, and the
 * next call starts a new one. The child is started on the first call and lets the server's
 * process exit while no call is under way.
 */
export class CodeProcess {
  readonly #limits: SandboxLimits;
  #current: Child | undefined;
  #nextId = 0;

  constructor(limits: SandboxLimits) {
    this.#limits = limits;
  }

  call(payload: string, signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(new SbssError('EXECUTION_CANCELLED'));
    const current = this.#current ?? this.#start();
    const { process: child, pending } = current;
    const id = this.#nextId++;
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => child.send({ id, cancel: true } satisfies CodeProcessRequest);
      signal?.addEventListener('abort', onAbort, { once: true });
      // The isolate's own limits do not hold while V8 collects garbage: a call that thrashes a
      // small heap ran on for minutes. Five seconds past its wall time (the process may have been
      // starting), the process is killed, and the next call starts another.
      const { wallTimeMs } = this.#limits;
      const deadline = setTimeout(() => {
        pending
          .get(id)
          ?.reject(
            new SbssError(
              'PLUGIN_TIMEOUT',
              `The Code node ran longer than its ${wallTimeMs} ms wall-time limit`,
            ),
          );
        this.#stop(current);
      }, wallTimeMs + 5_000);
      const settle = () => {
        clearTimeout(deadline);
        signal?.removeEventListener('abort', onAbort);
        pending.delete(id);
        // Idle, it must not keep the server's process (or `sbss run`) from exiting.
        if (pending.size === 0) {
          child.unref();
          child.channel?.unref();
        }
      };
      pending.set(id, {
        resolve: (answer) => {
          settle();
          resolve(answer);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      child.ref();
      child.channel?.ref();
      child.send({ id, payload } satisfies CodeProcessRequest);
    });
  }

  dispose(): void {
    if (this.#current) this.#stop(this.#current);
  }

  #start(): Child {
    const child = fork(entry, [], {
      execArgv: ['--no-node-snapshot', ...(fromSource ? ['--import', 'tsx'] : [])],
      // Nothing of the server's environment (its encryption key, say) goes to where user code runs.
      env: { SBSS_CODE_LIMITS: JSON.stringify(this.#limits) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const current: Child = { process: child, pending: new Map() };
    this.#current = current;
    // A send to a process that just died fails here; its calls fail with its exit below.
    child.on('error', () => {});
    child.on('message', (reply: CodeProcessReply) => {
      const pending = current.pending.get(reply.id);
      if (!pending) return;
      if ('answer' in reply) pending.resolve(reply.answer);
      else pending.reject(rebuilt(reply.error));
    });
    child.once('exit', (code, signal) => {
      if (this.#current === current) this.#current = undefined;
      const how = signal ?? `exit code ${code}`;
      const error = new SbssError(
        'PLUGIN_CRASHED',
        `The Code node's process stopped (${how}); code that asks for more memory at once than its isolate may have ends it`,
      );
      for (const pending of [...current.pending.values()]) pending.reject(error);
    });
    return current;
  }

  #stop(current: Child): void {
    if (this.#current === current) this.#current = undefined;
    current.process.kill('SIGKILL');
  }
}

interface Child {
  process: ChildProcess;
  /** Calls sent to this process and not yet answered, by id. */
  pending: Map<number, Pending>;
}

function rebuilt(error: ErrorRecord): SbssError {
  const code = Object.hasOwn(errorCodes, error.code) ? (error.code as ErrorCode) : 'PLUGIN_CRASHED';
  return new SbssError(code, error.message, error.details);
}
