import { type JsonObject, type NodeContext, NodeError, type z } from '@sbss/sdk';
import type { salesforceOAuth } from '../credentials.js';
import { isObject, text } from '../records/item-fields.js';
import { isOk, upstreamError } from './upstream-error.js';

export type SalesforceCredential = z.output<typeof salesforceOAuth.fields>;

export interface Session {
  accessToken: string;
  instanceUrl: string;
  expiresAt: string;
}

type SessionContext = Pick<NodeContext, 'http' | 'state' | 'now'>;

/** Renew a minute early, so a token does not lapse between the check and the request. */
const margin = 60_000;

function form(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

/**
 * An access token from the OAuth 2.0 client credentials flow (POST /services/oauth2/token on the
 * org's My Domain), reused from node state (encrypted at rest) until it is due to expire. The
 * token response has no `expires_in`: the token lives as long as the org's session timeout, which
 * the credential states.
 */
export async function salesforceSession(
  ctx: SessionContext,
  credentialName: string,
  credential: SalesforceCredential,
  renew = false,
): Promise<Session> {
  const stateKey = `salesforce-session:${credentialName}`;
  const cached = await ctx.state.get<JsonObject>(stateKey);
  const now = ctx.now().getTime();
  if (!renew && isSession(cached) && Date.parse(cached.expiresAt) - margin > now) return cached;
  const response = await ctx.http.fetch({
    url: `${credential.loginUrl.replace(/\/+$/, '')}/services/oauth2/token`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form({
      grant_type: 'client_credentials',
      client_id: credential.clientId,
      client_secret: credential.clientSecret,
    }),
  });
  const body = isObject(response.body) ? response.body : {};
  if (response.status === 400 || response.status === 401) {
    const reason = [text(body.error), text(body.error_description)].filter(Boolean).join(': ');
    throw new NodeError(
      'CREDENTIAL_REJECTED',
      `Salesforce refused the client credentials (${reason || response.status})`,
      {
        status: response.status,
      },
    );
  }
  if (!isOk(response)) throw upstreamError('Salesforce', response, ctx.now());
  const accessToken = text(body.access_token);
  const instanceUrl = credential.instanceUrl ?? text(body.instance_url);
  if (!accessToken || !instanceUrl)
    throw new NodeError('UPSTREAM_INVALID', 'Salesforce answered the token request without a token');
  const issuedAt = Number(text(body.issued_at)) || now;
  const session = {
    accessToken,
    instanceUrl: instanceUrl.replace(/\/+$/, ''),
    expiresAt: new Date(issuedAt + credential.sessionMinutes * 60_000).toISOString(),
  };
  await ctx.state.set(stateKey, session);
  return session;
}

function isSession(value: JsonObject | undefined): value is JsonObject & Session {
  return (
    value !== undefined &&
    typeof value.accessToken === 'string' &&
    typeof value.instanceUrl === 'string' &&
    typeof value.expiresAt === 'string'
  );
}
