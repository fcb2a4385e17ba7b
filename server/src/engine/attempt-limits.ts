import { SbssError } from './errors.js';
import type { Clock } from './ports.js';

export interface AttemptLimits {
  nodeId: string;
  timeoutMs?: number;
  /** The execution's cancellation signal. */
  signal: AbortSignal;
  /** Rejects when `signal` aborts; one per execution, so attempts without a timeout add no listener. */
  cancelled?: Promise<never>;
}

export function cancelledError(): SbssError {
  return new SbssError('EXECUTION_CANCELLED');
}

/**
 * Runs one attempt with a signal that aborts on the node's timeout or on cancellation. The
 * attempt ends then even if the node ignores its signal, so a hung node cannot hold the
 * execution. The timer is the clock's, so tests can drive it.
 */
export async function withinLimits<T>(
  clock: Clock,
  limits: AttemptLimits,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { timeoutMs, signal, cancelled } = limits;
  if (signal.aborted) throw cancelledError();
  if (timeoutMs === undefined) {
    // Most nodes have no timeout: hand them the execution's own signal, it aborts on cancellation.
    if (!cancelled) return attempt(signal);
    return Promise.race([attempt(signal), cancelled]);
  }
  const controller = new AbortController();
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  const onCancel = () => controller.abort(cancelledError());
  signal.addEventListener('abort', onCancel, { once: true });
  const timer = new AbortController();
  void clock.sleep(timeoutMs, timer.signal).then(
    () => {
      if (timer.signal.aborted) return;
      controller.abort(
        new SbssError('NODE_TIMEOUT', `Node "${limits.nodeId}" took longer than ${timeoutMs} ms`),
      );
    },
    () => {},
  );
  try {
    return await Promise.race([attempt(controller.signal), aborted]);
  } finally {
    timer.abort();
    signal.removeEventListener('abort', onCancel);
  }
}
