import { type Loopback, type Received, type Reply, startLoopback } from './loopback.test-support.js';

export const hubspotToken = 'pat-na1-11111111-2222-3333-4444-555555555555';

type Props = Record<string, unknown>;
interface HubObject {
  id: string;
  properties: Props;
  associations?: unknown;
}

export interface FakeHubSpot extends Loopback {
  objects: { contacts: Map<string, HubObject>; tickets: Map<string, HubObject> };
  /** Replies to send before answering normally, e.g. a 429 or a 502. */
  failures: Reply[];
  /** Search misses objects created less than a moment ago, as HubSpot's index lags. */
  searchLags: boolean;
}

const stamp = '2025-03-05T02:00:00.000Z';
const view = (object: HubObject) => ({ ...object, createdAt: stamp, updatedAt: stamp, archived: false });

/**
 * Speaks the CRM v3 objects API as documented: Bearer auth, create (201), update (PATCH, 200),
 * search with filterGroups, 409 on a duplicate contact email, and HubSpot's error bodies.
 */
export async function startFakeHubSpot(): Promise<FakeHubSpot> {
  let next = 100;
  const fake = {
    objects: { contacts: new Map<string, HubObject>(), tickets: new Map<string, HubObject>() },
    failures: [] as Reply[],
    searchLags: false,
  };
  const handle = (request: Received): Reply => {
    if (request.headers.authorization !== `Bearer ${hubspotToken}`) {
      return {
        status: 401,
        body: {
          status: 'error',
          message: 'Authentication credentials not found.',
          category: 'INVALID_AUTHENTICATION',
        },
      };
    }
    const failure = fake.failures.shift();
    if (failure) return failure;
    const match = /^\/crm\/v3\/objects\/(contacts|tickets)(?:\/(search|\d+))?$/.exec(request.path);
    if (!match) return { status: 404, body: { status: 'error', message: 'Not found' } };
    const store = fake.objects[match[1] as 'contacts' | 'tickets'];
    const body = request.json as {
      properties?: Props;
      associations?: unknown;
      filterGroups?: { filters: { propertyName: string; value: string }[] }[];
    };
    if (match[2] === 'search') {
      const filter = body.filterGroups?.[0]?.filters[0];
      const results = fake.searchLags
        ? []
        : [...store.values()].filter(
            (object) => filter && object.properties[filter.propertyName] === filter.value,
          );
      return { status: 200, body: { total: results.length, results: results.map(view) } };
    }
    if (match[2]) {
      const object = store.get(match[2]);
      if (!object || request.method !== 'PATCH')
        return {
          status: 404,
          body: { status: 'error', message: 'Object not found', category: 'OBJECT_NOT_FOUND' },
        };
      Object.assign(object.properties, body.properties);
      return { status: 200, body: view(object) };
    }
    const email = body.properties?.email;
    const duplicate = email
      ? [...store.values()].find((object) => object.properties.email === email)
      : undefined;
    if (duplicate) {
      return {
        status: 409,
        body: {
          status: 'error',
          message: `Contact already exists. Existing ID: ${duplicate.id}`,
          category: 'CONFLICT',
        },
      };
    }
    const created: HubObject = {
      id: String(next++),
      properties: { ...body.properties },
      associations: body.associations,
    };
    store.set(created.id, created);
    return { status: 201, body: view(created) };
  };
  const server = await startLoopback(handle);
  return Object.assign(fake, server);
}
