import { type Loopback, type Received, type Reply, startLoopback } from './loopback.test-support.js';

export const clientId = '3MVG9_test_consumer_key';
export const clientSecret = 'test-consumer-secret';
export const apiVersion = 'v62.0';

type SObject = Record<string, unknown> & { Id: string };

export interface FakeSalesforce extends Loopback {
  records: { Contact: Map<string, SObject>; Case: Map<string, SObject> };
  tokensIssued: number;
  failures: Reply[];
  /** Ends every session, as a revoked token or a changed session timeout would. */
  revokeSessions(): void;
}

const prefixes = { Contact: '003', Case: '500' } as const;
type SType = keyof typeof prefixes;
const errors = (errorCode: string, message: string) => [{ message, errorCode }];

/**
 * Speaks the documented formats: the client credentials token endpoint (form-encoded in, JSON
 * out without expires_in), REST sObject create (201 { id, success, errors }), update (204),
 * upsert by external ID (201 / 200), SOQL query, and `[{ message, errorCode }]` error bodies.
 */
export async function startFakeSalesforce(): Promise<FakeSalesforce> {
  let counter = 0;
  const valid = new Set<string>();
  const fake = {
    records: { Contact: new Map<string, SObject>(), Case: new Map<string, SObject>() },
    tokensIssued: 0,
    failures: [] as Reply[],
    revokeSessions: () => valid.clear(),
  };
  const create = (type: SType, fields: Record<string, unknown>): SObject => {
    const Id = `${prefixes[type]}${String(++counter).padStart(12, '0')}`;
    const record = { ...fields, Id };
    fake.records[type].set(Id, record);
    return record;
  };
  let url = '';
  const token = (request: Received): Reply => {
    const form = new URLSearchParams(request.body);
    const ok =
      request.headers['content-type'] === 'application/x-www-form-urlencoded' &&
      form.get('grant_type') === 'client_credentials' &&
      form.get('client_id') === clientId &&
      form.get('client_secret') === clientSecret;
    if (!ok)
      return {
        status: 400,
        body: { error: 'invalid_client', error_description: 'invalid client credentials' },
      };
    fake.tokensIssued += 1;
    const accessToken = `00D000000000001!session${fake.tokensIssued}`;
    valid.add(accessToken);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        signature: 'c2ln',
        scope: 'api',
        instance_url: url,
        id: `${url}/id/00D/005`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
      },
    };
  };
  const api = (request: Received, path: string): Reply => {
    const fields = (request.json ?? {}) as Record<string, unknown>;
    const query = /^\/query\?q=(.*)$/.exec(path);
    if (query && request.method === 'GET') {
      const soql = decodeURIComponent(query[1] ?? '');
      const where = /^SELECT Id FROM (Contact|Case) WHERE (\w+) = '((?:[^'\\]|\\.)*)' LIMIT 1$/.exec(soql);
      if (!where) return { status: 400, body: errors('MALFORMED_QUERY', `unexpected: ${soql}`) };
      const value = (where[3] ?? '').replace(/\\(.)/g, '$1');
      const found = [...fake.records[where[1] as SType].values()].filter(
        (record) => record[where[2] ?? ''] === value,
      );
      return {
        status: 200,
        body: {
          totalSize: found.length,
          done: true,
          records: found.map(({ Id }) => ({ attributes: { type: where[1] }, Id })),
        },
      };
    }
    const sobject = /^\/sobjects\/(Contact|Case)(?:\/(\w+))?(?:\/([^/]+))?$/.exec(path);
    if (!sobject) return { status: 404, body: errors('NOT_FOUND', 'The requested resource does not exist') };
    const type = sobject[1] as SType;
    const [, , idOrField, externalValue] = sobject;
    if (request.method === 'POST' && !idOrField) {
      if (type === 'Contact' && !fields.LastName)
        return {
          status: 400,
          body: errors('REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]'),
        };
      return { status: 201, body: { id: create(type, fields).Id, success: true, errors: [] } };
    }
    if (request.method === 'PATCH' && idOrField && externalValue) {
      const value = decodeURIComponent(externalValue);
      const match = [...fake.records[type].values()].find((record) => record[idOrField] === value);
      if (match) {
        Object.assign(match, fields);
        return { status: 200, body: { id: match.Id, success: true, errors: [], created: false } };
      }
      return {
        status: 201,
        body: {
          id: create(type, { ...fields, [idOrField]: value }).Id,
          success: true,
          errors: [],
          created: true,
        },
      };
    }
    const record = idOrField ? fake.records[type].get(idOrField) : undefined;
    if (request.method === 'PATCH' && record) {
      Object.assign(record, fields);
      return { status: 204 };
    }
    return { status: 404, body: errors('NOT_FOUND', 'The requested resource does not exist') };
  };
  const server = await startLoopback((request) => {
    if (request.method === 'POST' && request.path === '/services/oauth2/token') return token(request);
    const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(bearer))
      return { status: 401, body: errors('INVALID_SESSION_ID', 'Session expired or invalid') };
    const failure = fake.failures.shift();
    if (failure) return failure;
    const prefix = `/services/data/${apiVersion}`;
    if (!request.path.startsWith(prefix))
      return { status: 404, body: errors('NOT_FOUND', 'The requested resource does not exist') };
    return api(request, request.path.slice(prefix.length));
  });
  url = server.url;
  return Object.assign(fake, server);
}
