import { type HttpResponse, type JsonValue, type NodeContext, NodeError } from '@sbss/sdk';
import { hubspotToken } from '../credentials.js';
import { isObject } from '../records/item-fields.js';
import { readCredential } from './credential.js';
import { header, isOk, upstreamError } from './upstream-error.js';

export interface HubSpotApi {
  /** Sends a request; answers with the response when its status is 2xx or in `accept`. */
  send(method: string, path: string, body?: JsonValue, accept?: number[]): Promise<HttpResponse>;
}

export async function hubspotApi(
  ctx: Pick<NodeContext, 'credentials' | 'http' | 'now'>,
  credential: string,
): Promise<HubSpotApi> {
  const { token, baseUrl } = await readCredential(ctx, credential, hubspotToken.fields);
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async send(method, path, body, accept = []) {
      const response = await ctx.http.fetch({
        url: `${base}${path}`,
        method,
        // Private apps authenticate with their access token as a Bearer token.
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body }),
      });
      if (isOk(response) || accept.includes(response.status)) return response;
      throw hubspotError(response, ctx.now());
    },
  };
}

/**
 * HubSpot's 429 body names the policy that was hit (`errorType: RATE_LIMIT`, `policyName`), and
 * its `X-HubSpot-RateLimit-Interval-Milliseconds` header gives the window to wait out when no
 * Retry-After is sent ("API usage guidelines and limits", developers.hubspot.com). A daily limit
 * only resets at midnight in the account's time zone: retrying within a step will not help.
 */
function hubspotError(response: HttpResponse, now: Date): NodeError {
  const policy = isObject(response.body) ? response.body.policyName : undefined;
  const interval = Number(header(response, 'x-hubspot-ratelimit-interval-milliseconds'));
  const hint = {
    policy: typeof policy === 'string' ? policy : undefined,
    retryAfterMs:
      response.status === 429 && interval > 0 && !header(response, 'retry-after') ? interval : undefined,
  };
  if (response.status === 401) {
    return new NodeError('CREDENTIAL_REJECTED', 'HubSpot rejected the private app token (401)', {
      status: 401,
    });
  }
  return upstreamError('HubSpot', response, now, hint);
}

export function objectId(response: HttpResponse): string {
  const id = isObject(response.body) ? response.body.id : undefined;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new NodeError('UPSTREAM_INVALID', 'HubSpot answered without an object id', {
      status: response.status,
    });
  }
  return String(id);
}

/** First result id of a CRM search (`POST /crm/v3/objects/{type}/search`). */
export async function searchOne(
  api: HubSpotApi,
  objectType: string,
  property: string,
  value: string,
): Promise<string | undefined> {
  const response = await api.send('POST', `/crm/v3/objects/${objectType}/search`, {
    filterGroups: [{ filters: [{ propertyName: property, operator: 'EQ', value }] }],
    properties: [property],
    limit: 1,
  });
  const results = isObject(response.body) ? response.body.results : undefined;
  const first = Array.isArray(results) ? results[0] : undefined;
  const id = isObject(first) ? first.id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
