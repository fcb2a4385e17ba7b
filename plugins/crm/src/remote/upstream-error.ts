import { type HttpResponse, type JsonObject, type JsonValue, NodeError } from '@sbss/sdk';

export function header(response: HttpResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function retryAfterMs(response: HttpResponse, now: Date): number | undefined {
  const value = header(response, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function excerpt(body: JsonValue): JsonValue {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length <= 1000 ? body : `${text.slice(0, 1000)}…`;
}

/**
 * Turns a failed response into a typed error. The sandbox has no timers, so a node cannot wait
 * and try again itself: RATE_LIMITED and UPSTREAM_UNAVAILABLE are left to the node's retry
 * policy (exponential backoff in the engine), with the server's own hint in `details`.
 */
export function upstreamError(
  service: string,
  response: HttpResponse,
  now: Date,
  hint: { retryAfterMs?: number | undefined; policy?: string | undefined } = {},
): NodeError {
  const status = response.status;
  const wait = hint.retryAfterMs ?? retryAfterMs(response, now);
  const details: JsonObject = { status, body: excerpt(response.body) };
  if (hint.policy) details.policy = hint.policy;
  if (wait !== undefined) details.retryAfterMs = wait;
  if (status === 429)
    return new NodeError('RATE_LIMITED', `${service} is rate limiting requests (429); retry later`, details);
  if (status >= 500)
    return new NodeError('UPSTREAM_UNAVAILABLE', `${service} answered ${status}; retry later`, details);
  return new NodeError('UPSTREAM_REJECTED', `${service} refused the request (${status})`, details);
}

export function isOk(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
