import type {
  DataAggregateRow,
  DataCapability,
  DataQuery,
  DataRecord,
  HttpRequest,
  HttpResponse,
  LogCapability,
  MailMessage,
  NodeContext,
  StateCapability,
} from './context.js';
import type { Item, JsonObject, JsonValue, PortItems } from './json.js';
import type { NodeDefinition } from './node.js';
import { normalizeResult } from './result.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  data?: JsonValue;
}

export interface RunNodeOptions {
  /** Params as the user would configure them (no expressions: the harness does not evaluate). */
  params?: unknown;
  /** Params for one item, where the node reads per-item params; defaults to `params`. */
  itemParams?: (item: Item, index: number, port: string) => unknown;
  /** Items by input port, or an array for `main`. */
  input?: PortItems | Item[];
  credentials?: Record<string, Record<string, string>>;
  state?: Record<string, JsonValue>;
  /** Records the workspace already holds, by collection and key, e.g. from an earlier run. */
  data?: Record<string, Record<string, JsonObject>>;
  /** Receives `ctx.mail.send`; without it every send fails. */
  mail?: (
    message: MailMessage,
  ) => { messageId: string; accepted: string[] } | Promise<{ messageId: string; accepted: string[] }>;
  /** Answers `ctx.http.fetch`; without it every request fails. */
  http?: (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;
  now?: Date;
  executionId?: string;
}

export interface RunNodeResult {
  output: PortItems;
  logs: LogLine[];
  state: Map<string, JsonValue>;
  data: Map<string, Map<string, DataRecord>>;
  requests: HttpRequest[];
  mails: MailMessage[];
}

/**
 * Runs a node in-process with fake capabilities, for unit tests. Params are parsed with the
 * node's schema exactly as the engine does before `run`.
 */
export async function runNode(node: NodeDefinition, options: RunNodeOptions = {}): Promise<RunNodeResult> {
  const input = Array.isArray(options.input) ? { main: options.input } : (options.input ?? {});
  const params = node.params.parse(options.params ?? {});
  const logs: LogLine[] = [];
  const state = new Map(Object.entries(options.state ?? {}));
  const collections = seedCollections(options.data ?? {}, options.now ?? new Date());
  const requests: HttpRequest[] = [];
  const mails: MailMessage[] = [];
  const now = options.now ?? new Date();
  const executionId = options.executionId ?? 'test-execution';

  const paramsFor = (index: number, port = 'main') => {
    const item = input[port]?.[index];
    if (!item) throw new RangeError(`No item ${index} on port "${port}"`);
    return options.itemParams ? node.params.parse(options.itemParams(item, index, port)) : params;
  };

  const ctx: NodeContext = {
    params,
    paramsFor,
    input,
    executionId,
    workflowId: 'test-workflow',
    workspaceId: 'test-workspace',
    nodeId: node.id,
    idempotencyKey: (index, port = 'main') =>
      `${executionId}:${node.id}:${port === 'main' ? index : `${port}.${index}`}`,
    now: () => new Date(now),
    http: {
      async fetch(request) {
        requests.push(request);
        if (!options.http) throw new Error(`No HTTP handler given to the harness for ${request.url}`);
        return options.http(request);
      },
    },
    credentials: {
      async get(name) {
        const secret = options.credentials?.[name];
        if (!secret) throw new Error(`Credential "${name}" is not available to this node`);
        return { ...secret };
      },
    },
    mail: {
      async send(message) {
        mails.push(message);
        if (!options.mail) throw new Error(`No mail handler given to the harness for "${message.subject}"`);
        return options.mail(message);
      },
    },
    state: memoryState(state),
    data: memoryData(collections, now),
    log: collectLogs(logs),
  };
  const output = normalizeResult(await node.run(ctx));
  return { output, logs, state, data: collections, requests, mails };
}

function memoryState(state: Map<string, JsonValue>): StateCapability {
  return {
    get: async <T extends JsonValue>(key: string) => state.get(key) as T | undefined,
    set: async (key, value) => void state.set(key, cloneJson(value)),
    delete: async (key) => void state.delete(key),
  };
}

function memoryData(collections: Map<string, Map<string, DataRecord>>, now: Date): DataCapability {
  const collection = (name: string) => {
    const records = collections.get(name) ?? new Map<string, DataRecord>();
    collections.set(name, records);
    return records;
  };
  const put = (name: string, key: string, data: JsonObject): DataRecord => {
    const records = collection(name);
    const stamp = now.toISOString();
    const record = {
      key,
      data: cloneJson(data),
      createdAt: records.get(key)?.createdAt ?? stamp,
      updatedAt: stamp,
    };
    records.set(key, record);
    return record;
  };
  return {
    insert: async (name, records) =>
      records.map((data) => put(name, `${name}-${collection(name).size + 1}`, data)),
    upsert: async (name, key, data) => put(name, key, data),
    get: async (name, key) => collection(name).get(key),
    async query(name, query = {}) {
      const matches = [...collection(name).values()].filter((record) => matchesQuery(record, query));
      return matches.slice(0, query.limit ?? matches.length);
    },
    async aggregate(name, aggregate = {}) {
      const counts = new Map<string, DataAggregateRow>();
      for (const record of collection(name).values()) {
        if (!matchesQuery(record, aggregate)) continue;
        const group = aggregate.groupBy === undefined ? undefined : (record.data[aggregate.groupBy] ?? null);
        const bucket =
          aggregate.bucket === undefined ? undefined : bucketStart(record.createdAt, aggregate.bucket);
        const key = JSON.stringify([group, bucket]);
        const row = counts.get(key) ?? {
          ...(group === undefined ? {} : { group }),
          ...(bucket ? { bucket } : {}),
          count: 0,
        };
        row.count += 1;
        counts.set(key, row);
      }
      return [...counts.values()];
    },
  };
}

function collectLogs(logs: LogLine[]): LogCapability {
  const at = (level: LogLine['level']) => (message: string, data?: JsonValue) =>
    void logs.push(data === undefined ? { level, message } : { level, message, data });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Copies the way data crosses into a node: as JSON. */
function cloneJson<T extends JsonValue>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const bucketMs = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

/** Start of the UTC bucket holding `iso`; weeks start on Monday (1970-01-05 was one). */
function bucketStart(iso: string, bucket: keyof typeof bucketMs): string {
  const size = bucketMs[bucket];
  const offset = bucket === 'week' ? 4 * bucketMs.day : 0;
  const time = Date.parse(iso);
  return new Date(Math.floor((time - offset) / size) * size + offset).toISOString();
}

/** The store's filter semantics: exact top-level field values and a creation-time window. */
function matchesQuery(record: DataRecord, query: Pick<DataQuery, 'where' | 'since' | 'until'>): boolean {
  return (
    Object.entries(query.where ?? {}).every(([field, value]) => record.data[field] === value) &&
    (!query.since || record.createdAt >= query.since) &&
    (!query.until || record.createdAt < query.until)
  );
}

function seedCollections(seed: Record<string, Record<string, JsonObject>>, now: Date) {
  const stamp = now.toISOString();
  return new Map(
    Object.entries(seed).map(([name, records]) => [
      name,
      new Map(
        Object.entries(records).map(([key, data]) => [
          key,
          { key, data: cloneJson(data), createdAt: stamp, updatedAt: stamp },
        ]),
      ),
    ]),
  );
}
