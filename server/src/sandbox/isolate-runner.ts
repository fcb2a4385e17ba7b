import { randomUUID } from 'node:crypto';
import ivm from 'isolated-vm';
import { SbssError } from '../engine/errors.js';
import { answerRequest, type GrantedCapabilities, requestSchema } from './host-bridge.js';
import type { SandboxLimits } from './sandbox-limits.js';

/** What a runtime source evaluates to inside its context (see `plugin-runtime-source.ts`). */
export interface RuntimeObject {
  call(payload: string): Promise<string>;
  deliver(id: number, reply: string): void;
  attach?(): number;
}

/** Entry points of a runtime installed in a context. */
export interface RuntimeHandles {
  call: ivm.Reference<RuntimeObject['call']>;
  deliver: ivm.Reference<RuntimeObject['deliver']>;
}

export function runtimeHandles(runtime: ivm.Reference<RuntimeObject>): RuntimeHandles {
  return {
    call: runtime.getSync('call', { reference: true }),
    deliver: runtime.getSync('deliver', { reference: true }),
  };
}

export interface IsolateRunnerOptions<P> {
  limits: SandboxLimits;
  /** A plugin reuses one context for every call; the Code node gets a fresh one per call. */
  contextPerCall: boolean;
  /** Work done once per isolate, such as compiling scripts. */
  prepare(isolate: ivm.Isolate): P;
  /** Installs the runtime in a new context; `__sbssSend` is already on its global object. */
  install(prepared: P, context: ivm.Context): RuntimeHandles;
}

export interface SandboxCall {
  /** JSON text the runtime's `call` receives, naming the call so capability requests can be routed. */
  payload(callId: string): string;
  /** Names the code in error messages: `Node "score" of plugin scoring@1.2.0`. */
  subject: string;
  capabilities?: GrantedCapabilities;
  signal?: AbortSignal;
}

interface Live<P> {
  isolate: ivm.Isolate;
  prepared: P;
  shared?: Installed;
  calls: Map<string, ActiveCall>;
  /** Why the host disposed the isolate, told to the other calls it was running. */
  resetReason?: string;
}

interface Installed {
  context: ivm.Context;
  handles: RuntimeHandles;
}

interface ActiveCall {
  id: string;
  subject: string;
  startedAt: number;
  cpuAtStart: bigint;
  capabilities: GrantedCapabilities | undefined;
  fail(error: SbssError): void;
}

const tickMs = 20;

/**
 * Runs calls in one isolate with a memory limit, and holds each call to its CPU-time and
 * wall-time limits. The isolate is created on first use and again after it died (memory limit)
 * or was disposed because a call overran: its other calls fail, later calls get a fresh one.
 * CPU time is read from the isolate, so calls running at once in it are charged for each other.
 */
export class IsolateRunner<P> {
  readonly #options: IsolateRunnerOptions<P>;
  #live: Live<P> | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: IsolateRunnerOptions<P>) {
    this.#options = options;
  }

  /** Creates the isolate now rather than on the first call; throws what installing threw. */
  warm(): void {
    this.#ensure();
  }

  async run(call: SandboxCall): Promise<string> {
    const live = this.#ensure();
    const installed = live.shared ?? this.#install(live);
    try {
      return await this.#runIn(live, installed, call);
    } finally {
      if (!live.shared && !live.isolate.isDisposed) {
        installed.handles.call.release();
        installed.handles.deliver.release();
        installed.context.release();
      }
    }
  }

  dispose(): void {
    this.#closed = true;
    this.#reset('the sandbox was shut down');
  }

  #runIn(live: Live<P>, installed: Installed, call: SandboxCall): Promise<string> {
    const { limits } = this.#options;
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const active: ActiveCall = {
        id: randomUUID(),
        subject: call.subject,
        startedAt: performance.now(),
        cpuAtStart: live.isolate.cpuTime,
        capabilities: call.capabilities,
        fail: (error) => finish(() => reject(error)),
      };
      const onAbort = () => {
        active.fail(new SbssError('EXECUTION_CANCELLED', `${call.subject} was stopped with its step`));
        this.#reset(`another call of ${call.subject} was stopped`, live);
      };
      const finish = (then: () => void) => {
        if (settled) return;
        settled = true;
        live.calls.delete(active.id);
        call.signal?.removeEventListener('abort', onAbort);
        if (live.calls.size === 0) this.#stopWatchdog();
        then();
      };
      if (call.signal?.aborted) return reject(new SbssError('EXECUTION_CANCELLED'));
      call.signal?.addEventListener('abort', onAbort, { once: true });
      live.calls.set(active.id, active);
      this.#startWatchdog();
      installed.handles.call
        .apply(undefined, [call.payload(active.id)], { result: { promise: true }, timeout: limits.cpuTimeMs })
        .then(
          (answer) => finish(() => resolve(String(answer))),
          (error: unknown) => finish(() => reject(this.#classify(live, active, error))),
        );
    });
  }

  #ensure(): Live<P> {
    if (this.#closed) throw new SbssError('INTERNAL', 'The sandbox was shut down');
    if (this.#live && !this.#live.isolate.isDisposed) return this.#live;
    const isolate = new ivm.Isolate({ memoryLimit: this.#options.limits.memoryLimitMb });
    try {
      const live: Live<P> = { isolate, prepared: this.#options.prepare(isolate), calls: new Map() };
      if (!this.#options.contextPerCall) live.shared = this.#install(live);
      this.#live = live;
      return live;
    } catch (error) {
      isolate.dispose();
      throw error;
    }
  }

  #install(live: Live<P>): Installed {
    const context = live.isolate.createContextSync();
    const holder: { handles?: RuntimeHandles } = {};
    const send = new ivm.Callback(
      (id: number, request: string) => {
        if (holder.handles) this.#answer(live, holder.handles, id, request);
      },
      { ignored: true },
    );
    context.global.setSync('__sbssSend', send);
    holder.handles = this.#options.install(live.prepared, context);
    return { context, handles: holder.handles };
  }

  /** Answers a capability request, then hands the reply back into the isolate. */
  #answer(live: Live<P>, handles: RuntimeHandles, id: number, request: string): void {
    let parsed: ReturnType<typeof requestSchema.safeParse>;
    try {
      parsed = requestSchema.safeParse(JSON.parse(request));
    } catch {
      return;
    }
    const call = parsed.success ? live.calls.get(parsed.data.call) : undefined;
    const reply =
      call?.capabilities && parsed.data
        ? answerRequest(call.capabilities, parsed.data.op, parsed.data.args)
        : Promise.resolve(
            JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'No capabilities here' } }),
          );
    void reply.then(async (text) => {
      if (live.isolate.isDisposed) return;
      const timeout = call
        ? Math.max(1, Math.floor(this.#options.limits.cpuTimeMs - this.#cpuMs(live, call)))
        : 50;
      try {
        // The code that awaited this reply runs now, inside this apply and its timeout.
        await handles.deliver.apply(undefined, [id, text], { timeout });
      } catch (error) {
        if (call) call.fail(this.#classify(live, call, error));
      }
    });
  }

  #classify(live: Live<P>, call: ActiveCall, error: unknown): SbssError {
    const reason = error instanceof Error ? error.message : String(error);
    const { limits } = this.#options;
    if (live.resetReason)
      return new SbssError('PLUGIN_CRASHED', `${call.subject} was stopped: ${live.resetReason}`);
    if (/memory limit/i.test(reason) || live.isolate.isDisposed) {
      this.#reset('its isolate ran out of memory', live);
      return new SbssError(
        'PLUGIN_MEMORY',
        `${call.subject} ran out of memory (limit ${limits.memoryLimitMb} MB)`,
      );
    }
    if (/timed out/i.test(reason)) {
      return new SbssError(
        'PLUGIN_TIMEOUT',
        `${call.subject} used more than its ${limits.cpuTimeMs} ms of CPU time`,
      );
    }
    return new SbssError('PLUGIN_CRASHED', `${call.subject} stopped unexpectedly: ${reason}`);
  }

  #cpuMs(live: Live<P>, call: ActiveCall): number {
    return live.isolate.isDisposed ? 0 : Number(live.isolate.cpuTime - call.cpuAtStart) / 1e6;
  }

  #startWatchdog(): void {
    if (this.#watchdog) return;
    this.#watchdog = setInterval(() => this.#check(), tickMs);
    this.#watchdog.unref();
  }

  #stopWatchdog(): void {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
  }

  /** Fails calls over their limits and disposes the isolate, which stops code still spinning. */
  #check(): void {
    const live = this.#live;
    if (!live || live.isolate.isDisposed) return;
    const { cpuTimeMs, wallTimeMs } = this.#options.limits;
    for (const call of [...live.calls.values()]) {
      const wall = performance.now() - call.startedAt;
      const cpu = this.#cpuMs(live, call);
      if (cpu <= cpuTimeMs && wall <= wallTimeMs) continue;
      const what =
        cpu > cpuTimeMs ? `its ${cpuTimeMs} ms of CPU time` : `its ${wallTimeMs} ms wall-time limit`;
      call.fail(new SbssError('PLUGIN_TIMEOUT', `${call.subject} ran longer than ${what}`));
      this.#reset(`another call of ${call.subject} ran over its limits`, live);
    }
  }

  /** Disposes the isolate; its remaining calls fail with the reason, the next call gets a new one. */
  #reset(reason: string, live = this.#live): void {
    if (!live) return;
    live.resetReason ??= reason;
    for (const call of [...live.calls.values()]) {
      call.fail(new SbssError('PLUGIN_CRASHED', `${call.subject} was stopped: ${reason}`));
    }
    if (!live.isolate.isDisposed) live.isolate.dispose();
    if (this.#live === live) this.#live = undefined;
  }
}
