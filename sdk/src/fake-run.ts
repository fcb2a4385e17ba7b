import type {
  DataRecord,
  HttpRequest,
  HttpResponse,
  LogCapability,
  MailMessage,
  NodeContext,
  StateCapability,
} from './context.js';
import { NodeError } from './errors.js';
import { cloneJson, copyCollections, memoryData, seedCollections } from './fake-data.js';
import type { Item, JsonObject, JsonValue, PortItems } from './json.js';

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
  /** Records the workspace already holds, by collection and key, stamped with `now`. */
  data?: Record<string, Record<string, JsonObject>>;
  /**
   * Collections as an earlier run left them (its result's `data`), each record keeping its
   * creation and update times: what a node that forgets old records needs. Taken over `data`.
   */
  collections?: RunNodeResult['data'];
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

export type FakeCapabilities = Pick<NodeContext, 'http' | 'credentials' | 'mail' | 'state' | 'data' | 'log'>;

/** Everything around one harness run of a node, whether it runs in-process or in the sandbox. */
export interface FakeRun {
  input: PortItems;
  ids: { executionId: string; workflowId: string; workspaceId: string; nodeId: string };
  now: Date;
  capabilities: FakeCapabilities;
  /** What the capabilities hold or saw, filled in as the node runs. */
  recorded: Omit<RunNodeResult, 'output'>;
}

/**
 * The fake capabilities, input, ids and clock of one run. A capability the options leave out
 * fails with the code the server uses for it, as a `NodeError`, which is what a node sees of a
 * capability error inside the sandbox.
 */
export function fakeRun(nodeId: string, options: RunNodeOptions = {}): FakeRun {
  const now = options.now ?? new Date();
  const recorded: FakeRun['recorded'] = {
    logs: [],
    state: new Map(Object.entries(options.state ?? {})),
    data: options.collections
      ? copyCollections(options.collections)
      : seedCollections(options.data ?? {}, now),
    requests: [],
    mails: [],
  };
  const capabilities: FakeCapabilities = {
    http: {
      async fetch(request) {
        recorded.requests.push(request);
        if (!options.http) {
          throw new NodeError('HTTP_BLOCKED', `No HTTP handler given to the harness for ${request.url}`);
        }
        return options.http(request);
      },
    },
    credentials: {
      async get(name) {
        const secret = options.credentials?.[name];
        if (!secret) {
          throw new NodeError('CREDENTIAL_UNAVAILABLE', `Credential "${name}" is not available to this node`);
        }
        return { ...secret };
      },
    },
    mail: {
      async send(message) {
        recorded.mails.push(message);
        if (!options.mail) {
          throw new NodeError(
            'CREDENTIAL_UNAVAILABLE',
            `No mail handler given to the harness for "${message.subject}"`,
          );
        }
        return options.mail(message);
      },
    },
    state: memoryState(recorded.state),
    data: memoryData(recorded.data, now),
    log: collectLogs(recorded.logs),
  };
  return {
    input: frozenInput(Array.isArray(options.input) ? { main: options.input } : (options.input ?? {})),
    ids: {
      executionId: options.executionId ?? 'test-execution',
      workflowId: 'test-workflow',
      workspaceId: 'test-workspace',
      nodeId,
    },
    now,
    capabilities,
    recorded,
  };
}

/**
 * Items as a node receives them in the sandbox: copied as JSON and frozen all the way down, so a
 * node that changes its input fails here as it would there. The port arrays stay writable.
 */
function frozenInput(input: PortItems): PortItems {
  const frozen: PortItems = {};
  for (const [port, items] of Object.entries(input)) {
    frozen[port] = items.map((item) => freezeDeep(cloneJson(item)));
  }
  return frozen;
}

function freezeDeep<T extends JsonValue>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}

function memoryState(state: Map<string, JsonValue>): StateCapability {
  return {
    get: async <T extends JsonValue>(key: string) => state.get(key) as T | undefined,
    set: async (key, value) => void state.set(key, cloneJson(value)),
    delete: async (key) => void state.delete(key),
  };
}

function collectLogs(logs: LogLine[]): LogCapability {
  const at = (level: LogLine['level']) => (message: string, data?: JsonValue) =>
    void logs.push(data === undefined ? { level, message } : { level, message, data });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
