import type { RetryPolicy } from './model.js';

/**
 * How long to wait after attempt `attempt` (1-based) failed before the next one:
 * `delayMs * factor^(attempt - 1)`, never more than `maxDelayMs`.
 */
export function backoffDelay(
  policy: Pick<RetryPolicy, 'delayMs' | 'factor' | 'maxDelayMs'>,
  attempt: number,
): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxDelayMs, Math.round(policy.delayMs * policy.factor ** exponent));
}
