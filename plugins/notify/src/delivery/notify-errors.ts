import { NodeError } from '@sbss/sdk';

export type Platform = 'DingTalk' | 'Feishu' | 'WeCom' | 'Slack' | 'Email';

/**
 * The platform throttled us. Retryable: the engine's node retry backs off and sends again (the
 * sandbox has no timers, so the node itself never waits).
 */
export function rateLimited(platform: Platform, reason: string, details: Record<string, unknown>): NodeError {
  return new NodeError(
    'NOTIFY_RATE_LIMITED',
    `${platform} rate limit: ${reason}. Retryable: the node's retry with backoff will send it again.`,
    { platform, retryable: true, ...details },
  );
}

/** The platform failed on its side (5xx) or could not be reached. Retryable. */
export function unavailable(platform: Platform, reason: string, details: Record<string, unknown>): NodeError {
  return new NodeError('NOTIFY_UNAVAILABLE', `${platform} is unavailable: ${reason}. Retryable.`, {
    platform,
    retryable: true,
    ...details,
  });
}

/** The platform refused the message; sending it again will not help until something changes. */
export function rejected(platform: Platform, reason: string, details: Record<string, unknown>): NodeError {
  return new NodeError('NOTIFY_REJECTED', `${platform} rejected the message: ${reason}`, {
    platform,
    retryable: false,
    ...details,
  });
}

/** A short, single-line excerpt of a response body for error messages. */
export function excerpt(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return (text ?? '').replace(/\s+/g, ' ').slice(0, 200);
}
