/**
 * Shapes of the public API (`/api/v1`) as the editor reads them. They mirror the documented
 * contract; once the server exports `AppType`, `client.ts` infers the same shapes from it.
 */

export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';
export type LocalizedText = string | ({ en: string } & Partial<Record<Locale, string>>);

/** A JSON Schema as zod 4 generates it (draft 2020-12); only the keywords the editor reads. */
export interface JsonSchema {
  type?: string | string[];
  title?: LocalizedText;
  description?: LocalizedText;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  /** Editor hints a node author can add with zod's `.meta()`. */
  widget?: string;
  credentialType?: string;
  /** With `widget: 'collection-key'`: the workspace collection whose record keys are offered. */
  collection?: string;
  [keyword: string]: unknown;
}

export interface PortInfo {
  schema?: JsonSchema;
  title?: LocalizedText;
}

export type NodeCategory =
  | 'trigger'
  | 'listening'
  | 'scoring'
  | 'crm'
  | 'reporting'
  | 'notify'
  | 'flow'
  | 'data';

export interface NodeTypeInfo {
  type: string;
  title: LocalizedText;
  category: NodeCategory | string;
  description?: LocalizedText;
  inputs: Record<string, PortInfo>;
  outputs: Record<string, PortInfo>;
  trigger?: string;
  credentials?: string[];
  params: JsonSchema;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** Params and other loosely shaped objects. */
export type JsonObject = { [key: string]: unknown };
/** One item flowing between nodes: a plain JSON object. */
export type Item = { [key: string]: JsonValue };
export type PortItems = Record<string, Item[]>;

export interface XY {
  x: number;
  y: number;
}

export interface WorkflowNode {
  id: string;
  name?: string;
  type: string;
  params: JsonObject;
  position: XY;
  disabled?: boolean;
  notes?: string;
  retry?: { maxAttempts: number; delayMs: number; factor: number; maxDelayMs: number };
  timeoutMs?: number;
  onError?: 'stop' | 'continue' | 'errorPort';
}

export interface WorkflowEdge {
  id?: string;
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

export interface StickyNote {
  id: string;
  text: string;
  position: XY;
  size?: { width: number; height: number };
  color?: string;
}

export interface WorkflowSettings {
  errorWorkflowId?: string;
  concurrency?: number;
  timezone?: string;
}

/** What the editor sends to create or update a workflow. */
export interface WorkflowInput {
  name: string;
  description?: string;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  stickyNotes: StickyNote[];
  settings: WorkflowSettings;
}

export interface Workflow extends WorkflowInput {
  id: string;
  version: number;
  active?: boolean;
}

export type ExecutionStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | string;

export interface WorkflowSummary {
  id: string;
  name: string;
  active: boolean;
  version: number;
  updatedAt: string;
  lastExecution?: { id?: string; status: ExecutionStatus; createdAt?: string; startedAt?: string };
}

export interface WorkflowVersion {
  version: number;
  createdAt?: string;
  name?: string;
}

export interface Problem {
  code: string;
  severity: 'error' | 'warning' | string;
  message: string;
  nodeId?: string;
  edgeIndex?: number;
  path: (string | number)[] | string;
  /** Such as a query error's `column` and `pointer`. */
  details?: Record<string, unknown>;
}

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
}

export interface RunRequest {
  items?: Item[];
  wait?: boolean;
  stopAfter?: string;
}

export interface RunResult {
  executionId: string;
  status: ExecutionStatus;
  output?: PortItems;
}

export interface ErrorRecord {
  code?: string;
  message: string;
  details?: unknown;
  stack?: string;
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error' | string;
  message: string;
  data?: unknown;
  at: string;
}

export type StepStatus = 'running' | 'succeeded' | 'failed' | 'skipped' | string;

export interface ExecutionStep {
  nodeId: string;
  status: StepStatus;
  attempts: number;
  startedAt: string;
  finishedAt?: string;
  input: PortItems;
  output?: PortItems;
  error?: ErrorRecord;
  logs?: LogLine[];
  lineage?: StepLineage;
}

/**
 * How a step's items came from earlier steps' (`StepLineage` in the server's engine): the output
 * port each input port's items are, and per output item the index of the input item (over the
 * input ports in key order) it was made from, -1 where unknown.
 */
export interface StepLineage {
  inputs: Record<string, { step: string; port: string }>;
  paired: Record<string, number[]>;
}

export interface ExecutionSummary {
  id: string;
  workflowId: string;
  version: number;
  status: ExecutionStatus;
  mode?: string;
  createdAt?: string;
  /** Absent while the execution waits in the queue. */
  startedAt?: string;
  finishedAt?: string;
  error?: ErrorRecord;
}

export interface Execution extends ExecutionSummary {
  steps: ExecutionStep[];
}

export interface ExecutionPage {
  items: ExecutionSummary[];
  total: number;
  nextCursor?: string | null;
}

export interface ExecutionQuery {
  workflowId?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

export interface CredentialSummary {
  id: string;
  name: string;
  type: string;
  createdAt?: string;
}

export interface CredentialInput {
  name: string;
  type: string;
  data: Record<string, string>;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A record of a workspace collection (`/collections/:name/records`): its key and JSON data. */
export interface CollectionRecord {
  key: string;
  data: JsonObject;
  createdAt: string;
  updatedAt: string;
}

/** Filters of a record list; `where` matches top-level fields exactly (JSON equality). */
export interface RecordQuery {
  where?: Record<string, JsonValue>;
  orderBy?: string;
  desc?: boolean;
  limit?: number;
}

export interface AggregateRow {
  group?: JsonValue;
  bucket?: string;
  count: number;
}

/** A stored report as `/reports` lists it; its page and PDF have URLs of their own. */
/** A workspace variable, read by expressions and Code nodes as `$vars.<key>`. */
export interface Variable {
  key: string;
  value: JsonValue;
  updatedAt: string;
}

export interface ReportSummary {
  id: string;
  title: string;
  createdAt: string;
  period: JsonValue;
  summary: string;
  workflowId: string | null;
}

export type TemplateParameterType = 'string' | 'number' | 'boolean' | 'string[]' | 'json';

/** A value the installer asks for; the workflow holds it as a `${param:name}` placeholder. */
export interface TemplateParameter {
  name: string;
  description: string;
  type: TemplateParameterType;
  /** Without a default the parameter must be given at install time. */
  default?: JsonValue;
}

/** A credential the installed workflow's nodes name; it is created separately before a run. */
export interface TemplateCredential {
  name: string;
  type: string;
  description: string;
}

export interface TemplateInfo {
  name: string;
  description: string;
  parameters: TemplateParameter[];
  credentials: TemplateCredential[];
}

/** A template of the bundled library as `/templates` lists it; `id` is its folder name. */
export interface TemplateSummary extends TemplateInfo {
  id: string;
}

/** What to install: a bundled template by name, or a template file's content as read. */
export type TemplateSource = { name: string } | { template: { [key: string]: JsonValue } };

/** `POST /expressions/preview`: one template on a sample, evaluated as a run would. */
export interface ExpressionPreviewRequest {
  template: string;
  scope: {
    json: Record<string, JsonValue>;
    nodes?: Record<string, { items: Item[] }>;
    /** Per node, the index in its items of the one the sample item was made from. */
    paired?: Record<string, number>;
    vars?: Record<string, JsonValue>;
    now?: string;
    workflow?: { id: string; name: string; version: number };
  };
}

export type ExpressionPreview = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * `GET /expressions/functions`: n8n's data transformation functions by the type of value; `date`
 * holds Luxon's methods that ISO date text (`$now`, `$today`) takes as n8n's dates do.
 */
export type ExpressionFunctions = Record<
  'string' | 'number' | 'array' | 'object' | 'date',
  readonly string[]
>;
