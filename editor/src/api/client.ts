import type { AppType } from '@sbss/server';
import { hc } from 'hono/client';
import { type ResponseLike, readJson } from './api-error';
import type {
  AggregateRow,
  CollectionRecord,
  CredentialInput,
  CredentialSummary,
  Execution,
  ExecutionPage,
  ExecutionQuery,
  ExpressionFunctions,
  ExpressionPreview,
  ExpressionPreviewRequest,
  JsonValue,
  NodeTypeInfo,
  RecordQuery,
  ReportSummary,
  RunRequest,
  RunResult,
  TemplateSource,
  TemplateSummary,
  ValidationResult,
  Variable,
  Workflow,
  WorkflowInput,
  WorkflowSummary,
  WorkflowVersion,
} from './contract';

/**
 * The only place the editor talks to the server: a client typed from the server's routes
 * (`hc<AppType>`). Each method's declared return type is the editor's reading of the contract,
 * so a change on the server that breaks the editor fails to compile here.
 */

const rpc = hc<AppType>(globalThis.location?.origin ?? 'http://localhost').api.v1;

interface TypedResponse<T> extends ResponseLike {
  json(): Promise<T>;
}

async function read<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
  return readJson<T>(await pending);
}

async function send(pending: Promise<ResponseLike>): Promise<void> {
  await readJson<unknown>(await pending);
}

function query(filter: ExecutionQuery) {
  const values: {
    workflowId?: string;
    status?: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
    limit?: string;
    cursor?: string;
  } = {};
  if (filter.workflowId) values.workflowId = filter.workflowId;
  if (filter.status) values.status = filter.status as NonNullable<typeof values.status>;
  if (filter.limit !== undefined) values.limit = String(filter.limit);
  if (filter.cursor) values.cursor = filter.cursor;
  return values;
}

function recordQuery(filter: RecordQuery) {
  const values: { where?: string; orderBy?: string; desc?: 'true' | 'false'; limit?: string } = {};
  if (filter.where && Object.keys(filter.where).length > 0) values.where = JSON.stringify(filter.where);
  if (filter.orderBy) values.orderBy = filter.orderBy;
  if (filter.desc !== undefined) values.desc = filter.desc ? 'true' : 'false';
  if (filter.limit !== undefined) values.limit = String(filter.limit);
  return values;
}

const collection = rpc.collections[':name'];
const report = rpc.reports[':id'];
const variable = rpc.variables[':key'];

export const api = {
  nodeTypes: (): Promise<NodeTypeInfo[]> => read(rpc['node-types'].$get()),

  listWorkflows: (): Promise<{ items: WorkflowSummary[] }> => read(rpc.workflows.$get()),
  getWorkflow: (id: string): Promise<Workflow> => read(rpc.workflows[':id'].$get({ param: { id } })),
  createWorkflow: (input: WorkflowInput): Promise<{ id: string; version: number }> =>
    read(rpc.workflows.$post({ json: input })),
  updateWorkflow: (id: string, input: WorkflowInput): Promise<{ id: string; version: number }> =>
    read(rpc.workflows[':id'].$put({ param: { id }, json: input })),
  deleteWorkflow: (id: string): Promise<void> => send(rpc.workflows[':id'].$delete({ param: { id } })),
  listVersions: (id: string): Promise<{ items: WorkflowVersion[] }> =>
    read(rpc.workflows[':id'].versions.$get({ param: { id } })),
  getVersion: (id: string, version: number): Promise<Workflow> =>
    read(rpc.workflows[':id'].versions[':version'].$get({ param: { id, version: String(version) } })),
  validate: (input: WorkflowInput): Promise<ValidationResult> =>
    read(rpc.workflows.validate.$post({ json: input })),
  activate: (id: string): Promise<void> => send(rpc.workflows[':id'].activate.$post({ param: { id } })),
  deactivate: (id: string): Promise<void> => send(rpc.workflows[':id'].deactivate.$post({ param: { id } })),
  run: (id: string, request: RunRequest): Promise<RunResult> =>
    read(rpc.workflows[':id'].run.$post({ param: { id }, json: request })),
  /** Waits for one call to a webhook trigger's test URL; null when none came in two minutes. */
  listen: (id: string, nodeId: string, signal: AbortSignal): Promise<{ executionId: string | null }> =>
    read(rpc.workflows[':id'].listen.$post({ param: { id }, json: { nodeId } }, { init: { signal } })),

  listExecutions: (filter: ExecutionQuery): Promise<ExecutionPage> =>
    read(rpc.executions.$get({ query: query(filter) })),
  getExecution: (id: string): Promise<Execution> => read(rpc.executions[':id'].$get({ param: { id } })),

  listCredentials: (): Promise<{ items: CredentialSummary[] }> => read(rpc.credentials.$get()),
  createCredential: (input: CredentialInput): Promise<CredentialSummary> =>
    read(rpc.credentials.$post({ json: input })),

  listRecords: (name: string, filter: RecordQuery = {}): Promise<{ items: CollectionRecord[] }> =>
    read(collection.records.$get({ param: { name }, query: recordQuery(filter) })),
  getRecord: (name: string, key: string): Promise<CollectionRecord> =>
    read(collection.records[':key'].$get({ param: { name, key } })),
  /** With `ifUpdatedAt`, replaces only the version read then; 409 (`ApiError`) if it was written since. */
  putRecord: (
    name: string,
    key: string,
    data: Record<string, JsonValue>,
    ifUpdatedAt?: string,
  ): Promise<CollectionRecord> =>
    read(
      collection.records[':key'].$put({
        param: { name, key },
        json: data,
        header: ifUpdatedAt === undefined ? {} : { 'if-match': `"${ifUpdatedAt}"` },
      }),
    ),
  countRecords: (name: string, groupBy: string): Promise<{ rows: AggregateRow[] }> =>
    read(collection.aggregate.$get({ param: { name }, query: { groupBy } })),

  listReports: (): Promise<{ items: ReportSummary[] }> => read(rpc.reports.$get()),
  /** Addresses rather than bodies: the page loads in a frame, the PDF opens in the browser. */
  reportHtmlUrl: (id: string): string => report.html.$url({ param: { id } }).pathname,
  reportPdfUrl: (id: string): string => report.pdf.$url({ param: { id } }).pathname,
  /** The PDF as a file; an `ApiError` when the server cannot print (no Chromium: 503). */
  reportPdf: async (id: string): Promise<Blob> => {
    const response = await report.pdf.$get({ param: { id } });
    if (!response.ok) await readJson<unknown>(response);
    return response.blob();
  },

  listVariables: (): Promise<{ items: Variable[] }> => read(rpc.variables.$get()),
  setVariable: (key: string, value: JsonValue): Promise<Variable> =>
    read(variable.$put({ param: { key }, json: { value } })),
  deleteVariable: (key: string): Promise<void> => send(variable.$delete({ param: { key } })),

  listTemplates: (): Promise<{ items: TemplateSummary[] }> => read(rpc.templates.$get()),
  /** Creates a workflow from the template with these parameter values (defaults for the rest). */
  installTemplate: (
    source: TemplateSource,
    params: Record<string, JsonValue>,
  ): Promise<{ id: string; version: number }> =>
    read(rpc.templates.install.$post({ json: { ...source, params } })),
  expressionFunctions: (): Promise<ExpressionFunctions> => read(rpc.expressions.functions.$get()),
  previewExpression: (request: ExpressionPreviewRequest): Promise<ExpressionPreview> =>
    read(rpc.expressions.preview.$post({ json: request })),
};

export type Api = typeof api;
