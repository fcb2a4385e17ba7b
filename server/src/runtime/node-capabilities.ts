import type {
  CredentialsCapability,
  DataCapability,
  HttpCapability,
  JsonValue,
  LogCapability,
  MailCapability,
  StateCapability,
} from '@sbss/sdk';
import type { LogLine } from '../engine/index.js';
import { SbssError } from '../engine/index.js';
import type { Store } from '../store/index.js';

/** Which node of which workflow is asking: capabilities are scoped to it. */
export interface CapabilityScope {
  workspaceId: string;
  workflowId: string;
  nodeId: string;
  /** Credential names or ids the node's params reference; nothing else can be read. */
  credentialRefs: ReadonlySet<string>;
}

export function stateCapability(store: Store, scope: CapabilityScope): StateCapability {
  const { workspaceId, workflowId, nodeId } = scope;
  return {
    get: async <T extends JsonValue>(key: string) =>
      store.nodeState.get(workspaceId, workflowId, nodeId, key) as T | undefined,
    set: (key, value) => store.nodeState.set(workspaceId, workflowId, nodeId, key, value),
    delete: (key) => store.nodeState.delete(workspaceId, workflowId, nodeId, key),
  };
}

export function dataCapability(store: Store, scope: CapabilityScope): DataCapability {
  const { workspaceId } = scope;
  return {
    insert: (collection, records) => store.data.insert(workspaceId, collection, records),
    upsert: (collection, key, record) => store.data.upsert(workspaceId, collection, key, record),
    upsertMany: (collection, entries) => store.data.upsertMany(workspaceId, collection, entries),
    get: async (collection, key) => store.data.get(workspaceId, collection, key),
    getMany: async (collection, keys) => store.data.getMany(workspaceId, collection, keys),
    query: async (collection, query) => store.data.query(workspaceId, collection, query ?? {}),
    aggregate: async (collection, aggregate) =>
      store.data.aggregate(workspaceId, collection, aggregate ?? {}),
    removeBefore: (collection, before) => store.data.removeBefore(workspaceId, collection, before),
  };
}

export function credentialsCapability(store: Store, scope: CapabilityScope): CredentialsCapability {
  return {
    async get(name) {
      if (!scope.credentialRefs.has(name)) {
        throw new SbssError(
          'CREDENTIAL_UNAVAILABLE',
          `Credential "${name}" is not referenced by this node's params, so it cannot be read`,
        );
      }
      return store.credentials.getDecrypted(scope.workspaceId, name);
    },
  };
}

/** A logger whose lines land in the step record. */
export function collectingLog(lines: LogLine[], now: () => Date): LogCapability {
  const at =
    (level: LogLine['level']) =>
    (message: string, data?: JsonValue): void => {
      const line: LogLine = { level, message: String(message), at: now().toISOString() };
      if (data !== undefined) line.data = data;
      lines.push(line);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Credential references are params named `credential` or `credentials`, at any depth. */
export function referencedCredentials(params: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(params)) {
    for (const value of params) referencedCredentials(value, found);
  } else if (params && typeof params === 'object') {
    for (const [key, value] of Object.entries(params)) {
      if ((key === 'credential' || key === 'credentials') && typeof value === 'string') found.add(value);
      else if (key === 'credentials' && Array.isArray(value)) {
        for (const name of value) if (typeof name === 'string') found.add(name);
      } else referencedCredentials(value, found);
    }
  }
  return found;
}

/** Builds `ctx.http` for one call: limited to a plugin's declared hosts, stopped by the step's signal. */
/** Builds `ctx.mail` on top of a node's credentials, so only referenced SMTP credentials work. */
export type MailFactory = (credentials: CredentialsCapability) => MailCapability;

export type HttpFactory = (allowedHosts: string[] | undefined, signal: AbortSignal) => HttpCapability;
