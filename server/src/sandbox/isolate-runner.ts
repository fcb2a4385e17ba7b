import { randomUUID } from 'node:crypto';
import ivm from 'isolated-vm';
import { SbssError } from '../engine/errors.js';
import { builtInsChangedAnswer } from './call-entries-source.js';
import { crossingArgs, crossingPieces, joinedPieces } from './crossing-pieces.js';
import { answerRequest, type GrantedCapabilities, requestSchema } from './host-bridge.js';
import { newIsolate } from './new-isolate.js';
import { QuickCalls } from './quick-calls.js';
import type { SandboxLimits } from './sandbox-limits.js';

/** What a runtime source evaluates to inside its context (see `call-entries-source.ts`). */
export interface RuntimeObject {
  start(callId: string, notify: boolean, ...crossing: (number | string)[]): void;
  take(callId: string): string | string[];
  deliver(id: number, ...reply: string[]): void;
  attach?(): number;
}

/** Entry points of a runtime installed in a context. */
export interface RuntimeHandles {
  start: ivm.Reference<RuntimeObject['start']>;
  take: ivm.Reference<RuntimeObject['take']>;
  deliver: ivm.Reference<RuntimeObject['deliver']>;
}

/** The entry points of `runtime`, which is released: held, it would keep its context alive. */
export function runtimeHandles(runtime: ivm.Reference<RuntimeObject>): RuntimeHandles {
  const handles = {
    start: runtime.getSync('start', { reference: true }),
    take: runtime.getSync('take', { reference: true }),
    deliver: runtime.getSync('deliver', { reference: true }),
  };
  runtime.release();
  return handles;
}

export interface IsolateRunnerOptions<P> {
  limits: SandboxLimits;
  /** A plugin reuses one context for every call; the Code node gets a fresh one per call. */
  contextPerCall: boolean;
  /** Work done once per isolate, such as compiling scripts. */
  prepare(isolate: ivm.Isolate): P;
  /** Installs the runtime in a new context; `__sbssSend` and `__sbssDone` are on its global object. */
  install(prepared: P, context: ivm.Context): RuntimeHandles;
}

/** The call's own JSON text, then any more (see `SandboxCall.payload`). */
export type CallPayload = [string, ...string[]];

export interface SandboxCall {
  /**
   * JSON texts the runtime's `run` receives: the call's own, naming the call so capability
   * requests can be routed, then any more it reads (a plugin's input items, one per port). Each
   * goes in on its own, in pieces (`crossing-pieces.ts`): joining them first would copy a large
   * payload into a larger string.
   */
  payload(callId: string): CallPayload;
  /** Names the code in error messages: `Node "score" of plugin scoring@1.2.0`. */
  subject: string;
  /** Names the code for `QuickCalls`; calls without it always run on the isolate's thread. */
  quickKey?: string;
  capabilities?: GrantedCapabilities;
  signal?: AbortSignal;
}

interface Live<P> {
  isolate: ivm.Isolate;
  prepared: P;
  shared?: Installed;
  calls: Map<string, ActiveCall>;
  /** Asynchronous applies under way: a synchronous one would wait for them, blocking the host. */
  busy: number;
  /** Why the host disposed the isolate, told to the other calls it was running. */
  resetReason?: string;
  /** The isolate's CPU time when an apply last ended: what came since is the next one's. */
  cpuSeen: bigint;
}

interface Installed {
  context: ivm.Context;
  handles: RuntimeHandles;
}

interface ActiveCall {
  id: string;
  subject: string;
  startedAt: number;
  /** CPU time of this call's own applies so far, in ms (`#charge`). */
  cpuMs: number;
  capabilities: GrantedCapabilities | undefined;
  /** This call's asynchronous applies under way: its answer is handed on once they are over. */
  applying: number;
  answer: string | undefined;
  settle(answer: string): void;
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
  readonly #quick = new QuickCalls();

  constructor(options: IsolateRunnerOptions<P>) {
    this.#options = options;
  }

  /** Creates the isolate now rather than on the first call; throws what installing threw. */
  warm(): void {
    this.#ensure();
  }

  async run(call: SandboxCall): Promise<string> {
    const answer = await this.#runOnce(call);
    if (answer !== builtInsChangedAnswer) return answer;
    const again = await this.#runOnce(call);
    if (again === builtInsChangedAnswer) {
      throw new SbssError('PLUGIN_CRASHED', `${call.subject} found its built-ins changed in a new isolate`);
    }
    return again;
  }

  async #runOnce(call: SandboxCall): Promise<string> {
    const live = this.#ensure();
    const installed = live.shared ?? this.#install(live);
    try {
      const answer = await this.#runIn(live, installed, call);
      // Code an earlier call left behind changed built-ins after that call was checked.
      if (answer === builtInsChangedAnswer) this.#reset('built-ins were changed after a call ended', live);
      return answer;
    } finally {
      if (!live.shared && !live.isolate.isDisposed) {
        installed.handles.start.release();
        installed.handles.take.release();
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
    return new Promise<string>((resolve, reject) => {
      if (call.signal?.aborted) return reject(new SbssError('EXECUTION_CANCELLED'));
      let settled = false;
      const sync = live.busy === 0 && this.#quick.allows(call.quickKey);
      const active: ActiveCall = {
        id: randomUUID(),
        subject: call.subject,
        startedAt: performance.now(),
        cpuMs: 0,
        capabilities: call.capabilities,
        applying: 0,
        answer: undefined,
        settle: (answer) => finish(() => resolve(answer)),
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
        const cpuMs = live.isolate.isDisposed ? undefined : active.cpuMs;
        this.#quick.record(call.quickKey, cpuMs, sync);
        then();
      };
      // Written before the call is registered: if it throws, the promise rejects and nothing leaks.
      const payload = call.payload(active.id);
      call.signal?.addEventListener('abort', onAbort, { once: true });
      live.calls.set(active.id, active);
      if (sync) this.#startSync(live, installed, active, payload);
      else this.#startAsync(live, installed, active, payload);
    });
  }

  /**
   * Runs the call on this thread. Most calls end here; one that awaits a capability goes on
   * through `deliver` and `done` like an asynchronous one, under the watchdog.
   */
  #startSync(live: Live<P>, installed: Installed, active: ActiveCall, payload: CallPayload): void {
    const { start, take } = installed.handles;
    this.#charge(live, undefined);
    try {
      start.applySync(undefined, [active.id, false, ...crossingArgs(payload)], {
        timeout: this.#options.limits.cpuTimeMs,
      });
      const answer = joinedPieces(
        take.applySync(undefined, [active.id], {
          timeout: this.#cpuLeftMs(active),
          result: { copy: true },
        }),
      );
      this.#charge(live, active);
      if (answer !== undefined && answer !== '') {
        active.settle(answer);
        return;
      }
    } catch (error) {
      this.#charge(live, active);
      active.fail(this.#classify(live, active, error));
      return;
    }
    this.#startWatchdog();
  }

  #startAsync(live: Live<P>, installed: Installed, active: ActiveCall, payload: CallPayload): void {
    this.#startWatchdog();
    this.#applying(live, active);
    installed.handles.start
      .apply(undefined, [active.id, true, ...crossingArgs(payload)], {
        timeout: this.#options.limits.cpuTimeMs,
      })
      .then(
        () => {
          this.#charge(live, active);
          this.#applied(live, active);
        },
        (error: unknown) => {
          this.#charge(live, active);
          this.#applied(live, active);
          active.fail(this.#classify(live, active, error));
        },
      );
  }

  #applying(live: Live<P>, call: ActiveCall | undefined): void {
    live.busy += 1;
    if (call) call.applying += 1;
  }

  #applied(live: Live<P>, call: ActiveCall | undefined): void {
    live.busy -= 1;
    if (!call) return;
    call.applying -= 1;
    if (call.applying === 0 && call.answer !== undefined) call.settle(call.answer);
  }

  #ensure(): Live<P> {
    if (this.#closed) throw new SbssError('INTERNAL', 'The sandbox was shut down');
    if (this.#live && !this.#live.isolate.isDisposed) return this.#live;
    const { memoryLimitMb, semiSpaceMb } = this.#options.limits;
    const isolate = newIsolate(memoryLimitMb, semiSpaceMb);
    try {
      const live: Live<P> = {
        isolate,
        prepared: this.#options.prepare(isolate),
        calls: new Map(),
        busy: 0,
        cpuSeen: isolate.cpuTime,
      };
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
      (id: number, request: unknown) => {
        if (holder.handles) this.#answer(live, holder.handles, id, request);
      },
      { ignored: true },
    );
    const done = new ivm.Callback(
      (callId: unknown, answer: unknown, intact: unknown) => this.#done(live, callId, answer, intact),
      { ignored: true },
    );
    context.global.setSync('__sbssSend', send);
    context.global.setSync('__sbssDone', done);
    holder.handles = this.#options.install(live.prepared, context);
    return { context, handles: holder.handles };
  }

  /** Settles a call whose answer the runtime sent through `done`. */
  #done(live: Live<P>, callId: unknown, pieces: unknown, intact: unknown): void {
    const call = typeof callId === 'string' ? live.calls.get(callId) : undefined;
    if (!call) return;
    const answer = joinedPieces(pieces);
    if (intact === true && answer !== undefined) {
      // The done callback can arrive before the apply that sent it has let go of the isolate.
      call.answer = answer;
      if (call.applying === 0) call.settle(answer);
      return;
    }
    call.fail(new SbssError('PLUGIN_CRASHED', `${call.subject} changed built-ins its plugin's calls share`));
    this.#reset(`another call of ${call.subject} changed built-ins`, live);
  }

  /** Answers a capability request, then hands the reply back into the isolate. */
  #answer(live: Live<P>, handles: RuntimeHandles, id: number, pieces: unknown): void {
    const request = joinedPieces(pieces);
    if (request === undefined) return;
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
      const timeout = call ? this.#cpuLeftMs(call) : 50;
      this.#applying(live, call);
      try {
        // The code that awaited this reply runs now, inside this apply and its timeout.
        await handles.deliver.apply(undefined, [id, ...crossingPieces(text)], { timeout });
        this.#charge(live, call);
        this.#applied(live, call);
      } catch (error) {
        this.#charge(live, call);
        this.#applied(live, call);
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
      const error = new SbssError(
        'PLUGIN_MEMORY',
        `${call.subject} ran out of memory (limit ${limits.memoryLimitMb} MB)`,
      );
      call.fail(error);
      this.#reset('its isolate ran out of memory', live);
      return error;
    }
    if (/timed out/i.test(reason)) {
      return new SbssError(
        'PLUGIN_TIMEOUT',
        `${call.subject} used more than its ${limits.cpuTimeMs} ms of CPU time`,
      );
    }
    // The runtime itself failed (it answers every error the code raises), so its state is
    // not to be trusted by later calls.
    const crashed = new SbssError('PLUGIN_CRASHED', `${call.subject} stopped unexpectedly: ${reason}`);
    call.fail(crashed);
    this.#reset(`another call of ${call.subject} stopped unexpectedly`, live);
    return crashed;
  }

  /**
   * Charges the isolate's CPU time since the last apply ended to `call`, whose apply just ended.
   * isolated-vm counts CPU per isolate and runs one apply at a time, so what passed in between was
   * that apply's (the code it ran, its microtasks): a call waiting on a capability is not charged
   * for the calls that ran meanwhile.
   */
  #charge(live: Live<P>, call: ActiveCall | undefined): void {
    if (live.isolate.isDisposed) return;
    const now = live.isolate.cpuTime;
    if (call) call.cpuMs += Number(now - live.cpuSeen) / 1e6;
    live.cpuSeen = now;
  }

  #cpuLeftMs(call: ActiveCall): number {
    return Math.max(1, Math.floor(this.#options.limits.cpuTimeMs - call.cpuMs));
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

  /**
   * Fails calls over their limits. Code a call still runs (in an asynchronous apply) is stopped by
   * disposing the isolate, which fails the isolate's other calls too. A call with no code running
   * (waiting on a promise that never settles, say) has nothing to stop: it fails alone, and the
   * other calls, often other executions' steps, go on.
   */
  #check(): void {
    const live = this.#live;
    if (!live || live.isolate.isDisposed) return;
    const { cpuTimeMs, wallTimeMs } = this.#options.limits;
    for (const call of [...live.calls.values()]) {
      const wall = performance.now() - call.startedAt;
      const cpu = call.cpuMs;
      if (cpu <= cpuTimeMs && wall <= wallTimeMs) continue;
      const what =
        cpu > cpuTimeMs ? `its ${cpuTimeMs} ms of CPU time` : `its ${wallTimeMs} ms wall-time limit`;
      call.fail(new SbssError('PLUGIN_TIMEOUT', `${call.subject} ran longer than ${what}`));
      if (call.applying > 0) this.#reset(`another call of ${call.subject} ran over its limits`, live);
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
