import ivm from 'isolated-vm';
import { crossingPieces, joinedPieces } from './crossing-pieces.js';
import { helpersSource } from './expression-helpers.js';
import { runtimeSource } from './expression-runtime.js';
import { extensionFunctionsSource } from './extension-functions-source.js';
import { lockdownSource } from './isolate-lockdown.js';
import { luxonSetupSource } from './luxon-source.js';

export interface ExpressionIsolateLimits {
  memoryLimitMb: number;
  /** Compiled expression functions kept in the isolate. */
  cacheSize: number;
  /** Longest JSON of one expression result, in characters. */
  maxResultLength: number;
  /** Longest JSON of all results of one call, in characters. */
  maxBatchLength: number;
}

/** One isolate holding the helper library and the evaluation loop, and nothing else. */
export interface ExpressionIsolate {
  readonly disposed: boolean;
  /** Evaluates one payload (see `expression-runtime.ts`); rejects on timeout or when the isolate dies. */
  run(payload: string, timeoutMs: number): Promise<string>;
  /** `{ expression, itemIndex }` as JSON: where the last run was when it stopped. */
  where(): string | undefined;
  dispose(): void;
}

interface Runtime {
  run(...pieces: string[]): string | string[];
  where(): string;
}

export function createExpressionIsolate(limits: ExpressionIsolateLimits): ExpressionIsolate {
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryLimitMb });
  try {
    const context = isolate.createContextSync();
    context.evalSync(helpersSource);
    context.evalSync(extensionFunctionsSource);
    const settings = JSON.stringify({
      cacheSize: limits.cacheSize,
      maxResultLength: limits.maxResultLength,
      maxBatchLength: limits.maxBatchLength,
    });
    // Luxon's clock setter goes to the runtime alone: no global names it.
    const runtime: ivm.Reference<Runtime> = context.evalSync(
      `(${runtimeSource})(${settings}, ${luxonSetupSource})`,
      { reference: true },
    );
    context.evalSync(lockdownSource);
    const run = runtime.getSync('run', { reference: true });
    const where = runtime.getSync('where', { reference: true });
    return {
      get disposed() {
        return isolate.isDisposed;
      },
      // Only strings cross: the payload in, the JSON result out, each in pieces
      // (`crossing-pieces.ts`).
      // Synchronous on purpose: a typical batch takes tens of microseconds, far less than a hop
      // to the isolate's thread and back; the timeout still bounds how long it can hold the loop.
      run: async (payload, timeoutMs) =>
        joinedPieces(
          run.applySync(undefined, crossingPieces(payload), { timeout: timeoutMs, result: { copy: true } }),
        ) ?? '',
      where() {
        if (isolate.isDisposed) return undefined;
        try {
          return where.applySync(undefined, [], { timeout: 50 });
        } catch {
          return undefined;
        }
      },
      dispose() {
        if (!isolate.isDisposed) isolate.dispose();
      },
    };
  } catch (error) {
    isolate.dispose();
    throw error;
  }
}
