/**
 * Which code may run on the host's thread. A synchronous apply saves the two thread hops of an
 * asynchronous one (tens of µs, more on a loaded machine) but blocks the host's event loop while
 * the code runs. So a node runs synchronously while its last call took at most `quickCallMs` of
 * CPU time (a node's first call compiles its code, so it runs on the isolate's thread), and for
 * good on the isolate's thread once a synchronous call took over `slowCallMs`, ran over a limit or
 * lost its isolate: a plugin holds the event loop up for at most `slowCallMs` per call of one of
 * its nodes, or once per node up to its CPU-time limit.
 */
export const quickCallMs = 5;
export const slowCallMs = 100;

type Pace = 'quick' | 'slow' | 'never';

export class QuickCalls {
  readonly #known = new Map<string, Pace>();

  /** Whether calls of `key` may run synchronously. */
  allows(key: string | undefined): boolean {
    return key !== undefined && this.#known.get(key) === 'quick';
  }

  /** Records a finished call; `cpuMs` is undefined when its isolate was disposed. */
  record(key: string | undefined, cpuMs: number | undefined, sync: boolean): void {
    if (key === undefined || this.#known.get(key) === 'never') return;
    if (sync && (cpuMs === undefined || cpuMs > slowCallMs)) this.#known.set(key, 'never');
    else this.#known.set(key, cpuMs !== undefined && cpuMs <= quickCallMs ? 'quick' : 'slow');
  }
}
