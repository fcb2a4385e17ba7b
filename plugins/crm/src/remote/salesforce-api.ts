import { type HttpResponse, type JsonValue, type NodeContext, NodeError } from '@sbss/sdk';
import { salesforceOAuth } from '../credentials.js';
import { isObject, text } from '../records/item-fields.js';
import { readCredential } from './credential.js';
import { type Session, salesforceSession } from './salesforce-session.js';
import { isOk, upstreamError } from './upstream-error.js';

export interface SalesforceApi {
  /** A REST call under /services/data/<version>; answers 2xx responses and those in `accept`. */
  send(method: string, path: string, body?: JsonValue, accept?: number[]): Promise<HttpResponse>;
}

type ApiContext = Pick<NodeContext, 'credentials' | 'http' | 'state' | 'now'>;

export async function salesforceApi(ctx: ApiContext, credentialName: string): Promise<SalesforceApi> {
  const credential = await readCredential(ctx, credentialName, salesforceOAuth.fields);
  let session: Session = await salesforceSession(ctx, credentialName, credential);
  const call = (method: string, path: string, body: JsonValue | undefined) =>
    ctx.http.fetch({
      url: `${session.instanceUrl}/services/data/${credential.apiVersion}${path}`,
      method,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body }),
    });
  return {
    async send(method, path, body, accept = []) {
      let response = await call(method, path, body);
      if (response.status === 401) {
        // INVALID_SESSION_ID: the session ended before its expected time (revoked, timeout changed).
        session = await salesforceSession(ctx, credentialName, credential, true);
        response = await call(method, path, body);
      }
      if (isOk(response) || accept.includes(response.status)) return response;
      throw salesforceError(response, ctx.now());
    },
  };
}

/** Salesforce REST errors are a list of `{ message, errorCode }`. */
export function errorCode(response: HttpResponse): string | undefined {
  const first = Array.isArray(response.body) ? response.body[0] : undefined;
  return isObject(first) ? text(first.errorCode) : undefined;
}

/**
 * Over the org's API request limit Salesforce answers 403 REQUEST_LIMIT_EXCEEDED rather than 429
 * ("API Request Limits and Allocations"); both are rate limits to the user.
 */
function salesforceError(response: HttpResponse, now: Date): NodeError {
  const code = errorCode(response);
  if (response.status === 403 && code === 'REQUEST_LIMIT_EXCEEDED') {
    return new NodeError('RATE_LIMITED', 'Salesforce API request limit exceeded (REQUEST_LIMIT_EXCEEDED)', {
      status: 403,
      body: response.body,
    });
  }
  if (response.status === 401) {
    return new NodeError('CREDENTIAL_REJECTED', 'Salesforce rejected a freshly issued session (401)', {
      status: 401,
    });
  }
  return upstreamError('Salesforce', response, now);
}

export function createdId(response: HttpResponse): string {
  const id = isObject(response.body) ? text(response.body.id) : undefined;
  if (!id)
    throw new NodeError('UPSTREAM_INVALID', 'Salesforce answered without a record id', {
      status: response.status,
    });
  return id;
}

/** A string literal for SOQL: backslash and single quote escaped ("Quoted String Escape Sequences"). */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export async function queryFirstId(api: SalesforceApi, soql: string): Promise<string | undefined> {
  const response = await api.send('GET', `/query?q=${encodeURIComponent(soql)}`);
  const records = isObject(response.body) ? response.body.records : undefined;
  const first = Array.isArray(records) ? records[0] : undefined;
  return isObject(first) ? text(first.Id) : undefined;
}
