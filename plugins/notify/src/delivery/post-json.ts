import { type HttpResponse, type JsonObject, type JsonValue, type NodeContext, NodeError } from '@sbss/sdk';
import { excerpt, type Platform, rateLimited, unavailable } from './notify-errors.js';

/**
 * POSTs a robot message and turns the transport-level failures every platform shares into
 * NodeErrors: unreachable, HTTP 429 and 5xx are retryable. Platform error codes in a 2xx or
 * 4xx answer are left to the node, which knows its platform's codes.
 */
export async function postJson(
  ctx: Pick<NodeContext, 'http'>,
  platform: Platform,
  url: string,
  body: JsonValue,
): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    response = await ctx.http.fetch({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      timeoutMs: 15_000,
    });
  } catch (error) {
    if (error instanceof NodeError) throw error;
    throw unavailable(platform, `the robot webhook could not be reached (${errorText(error)})`, {});
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers['retry-after']);
    throw rateLimited(platform, `HTTP 429 ${excerpt(response.body)}`.trim(), {
      status: 429,
      ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  if (response.status >= 500) {
    throw unavailable(platform, `HTTP ${response.status} ${excerpt(response.body)}`.trim(), {
      status: response.status,
    });
  }
  return response;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The response body when it is a JSON object, else an empty object. */
export function bodyObject(body: JsonValue): JsonObject {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
}
