import type { Item, JsonObject, JsonValue, PortItems } from './json.js';

export interface HttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** A string is sent as is; any other JSON value is sent as JSON. */
  body?: JsonValue;
  timeoutMs?: number;
  /**
   * How to hand back the response body: `json` parses it whatever the content type says, `text`
   * never parses it, `base64` returns the raw bytes base64-encoded (for files in legacy encodings
   * such as GBK or Big5, which the sandbox decodes itself). Default: JSON when the response says
   * it is JSON, otherwise text.
   */
  responseType?: 'text' | 'json' | 'base64';
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response says it is JSON, otherwise the text. */
  body: JsonValue;
}

export interface HttpCapability {
  fetch(request: HttpRequest): Promise<HttpResponse>;
}

export interface CredentialsCapability {
  /** Decrypted fields of a credential the node's params reference by name or id. */
  get(name: string): Promise<Record<string, string>>;
}

/**
 * Key/value state of this node in this workflow, kept across executions (polling cursors, an
 * access token obtained with a credential). Values are encrypted at rest, as credentials are.
 */
export interface StateCapability {
  get<T extends JsonValue = JsonValue>(key: string): Promise<T | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface DataQuery {
  where?: Record<string, JsonValue>;
  since?: string;
  until?: string;
  limit?: number;
  orderBy?: string;
  desc?: boolean;
}

export interface DataRecord {
  key: string;
  data: JsonObject;
  createdAt: string;
  updatedAt: string;
}

export interface DataAggregate {
  /** A top-level field: one row per distinct value. */
  groupBy?: string;
  /** UTC time buckets of the records' creation time; weeks start on Monday. */
  bucket?: 'hour' | 'day' | 'week';
  where?: Record<string, JsonValue>;
  since?: string;
  until?: string;
}

export interface DataAggregateRow {
  group?: JsonValue;
  /** Start of the bucket, ISO 8601. */
  bucket?: string;
  count: number;
}

/** A record to store under a key of the caller's choosing. */
export interface DataEntry {
  key: string;
  data: JsonObject;
}

/** Workspace collections (mentions, contacts, cases, reports, ...), shared by every workflow. */
export interface DataCapability {
  insert(collection: string, records: JsonObject[]): Promise<DataRecord[]>;
  /** Creates or replaces the record at `key`; a replaced record keeps its `createdAt`. */
  upsert(collection: string, key: string, record: JsonObject): Promise<DataRecord>;
  /**
   * Creates or replaces the record at each entry's key, in one write: all are stored or none.
   * A replaced record keeps its `createdAt`. At most `dataBatchLimit` (10,000) entries a call.
   * Resolves to the number of entries written: batches are written to be remembered, so the
   * records are not copied back.
   */
  upsertMany(collection: string, entries: DataEntry[]): Promise<number>;
  get(collection: string, key: string): Promise<DataRecord | undefined>;
  /**
   * The records stored at `keys`, in the order of `keys`, each once; keys with no record are
   * left out. One round trip for a whole batch, where `get` takes one per key. At most
   * `dataBatchLimit` (10,000) keys a call.
   */
  getMany(collection: string, keys: string[]): Promise<DataRecord[]>;
  query(collection: string, query?: DataQuery): Promise<DataRecord[]>;
  aggregate(collection: string, aggregate?: DataAggregate): Promise<DataAggregateRow[]>;
  /**
   * Deletes the records neither created nor replaced since `before` (ISO 8601), and resolves to
   * how many: what a collection that matters only within a time window (dedupe's memory) uses to
   * stay that size.
   */
  removeBefore(collection: string, before: string): Promise<number>;
}

export interface MailMessage {
  /** Name of an SMTP credential the node's params reference: host, port, secure, user, pass. */
  credential: string;
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text?: string;
  html?: string;
}

/** Sends mail over SMTP with a granted credential; the plugin never opens sockets itself. */
export interface MailCapability {
  send(message: MailMessage): Promise<{ messageId: string; accepted: string[] }>;
}

export interface LogCapability {
  debug(message: string, data?: JsonValue): void;
  info(message: string, data?: JsonValue): void;
  warn(message: string, data?: JsonValue): void;
  error(message: string, data?: JsonValue): void;
}

/** Everything a node may touch. Side effects go only through these capabilities. */
export interface NodeContext<P = unknown> {
  /** Params resolved against the first item of the batch (or no item at all). */
  readonly params: P;
  /** Params with expressions resolved against one item of an input port. */
  paramsFor(index: number, port?: string): P;
  /**
   * Items by input port. The items are read-only: in the sandbox they are frozen, so return new
   * objects (`{ ...item, score }`) rather than changing them. Passing an item on unchanged, or
   * spread with a few fields added, is the cheap way out of the sandbox. The port arrays
   * themselves may be sorted or spliced.
   */
  readonly input: PortItems;
  readonly executionId: string;
  readonly workflowId: string;
  readonly workspaceId: string;
  readonly nodeId: string;
  /** `executionId:nodeId:itemKey`: stable across retries and resumed executions. */
  idempotencyKey(index: number, port?: string): string;
  /** The execution's clock; replays see the same value. */
  now(): Date;
  readonly http: HttpCapability;
  readonly credentials: CredentialsCapability;
  readonly state: StateCapability;
  readonly data: DataCapability;
  /** Present when the plugin's manifest asks for the `mail` permission. */
  readonly mail: MailCapability;
  readonly log: LogCapability;
}

/** What `run` may return: items by output port, or an array for the `main` port. */
export type NodeResult = PortItems | Item[];
