import { z } from 'zod';
import { workflowInputSchema } from '../engine/index.js';
import { aggregateQuery, recordListQuery } from './collection-routes.js';
import { credentialBody } from './credential-routes.js';
import { executionListQuery } from './execution-routes.js';
import { previewBody } from './expression-routes.js';
import { exportBody, installBody } from './template-routes.js';
import { variableBody } from './variable-routes.js';
import { listenBody, runBody } from './workflow-routes.js';

type Operation = {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  status?: number;
};

const operations: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete', Operation>>> = {
  '/node-types': { get: { summary: 'Installed node types, with params and ports as JSON Schema' } },
  '/workflows': {
    get: { summary: 'List workflows with their last execution' },
    post: { summary: 'Create a workflow (version 1)', body: workflowInputSchema, status: 201 },
  },
  '/workflows/validate': {
    post: { summary: 'Report every problem of a workflow', body: workflowInputSchema },
  },
  '/workflows/{id}': {
    get: { summary: 'The current version of a workflow' },
    put: { summary: 'Save a new version', body: workflowInputSchema },
    delete: { summary: 'Delete a workflow and its triggers', status: 204 },
  },
  '/workflows/{id}/versions': { get: { summary: 'Every saved version' } },
  '/workflows/{id}/versions/{version}': { get: { summary: 'One saved version' } },
  '/workflows/{id}/activate': { post: { summary: 'Register webhooks and schedules' } },
  '/workflows/{id}/deactivate': { post: { summary: 'Unregister webhooks and schedules' } },
  '/workflows/{id}/run': { post: { summary: 'Run now with the given items', body: runBody } },
  '/workflows/{id}/listen': {
    post: {
      summary:
        'Wait for one call to /hooks-test/<path> of a webhook trigger, active or not, and run the workflow with it; answers the execution id, or null when none came in time',
      body: listenBody,
    },
  },
  '/executions': { get: { summary: 'List executions, newest first', query: executionListQuery } },
  '/executions/{id}': { get: { summary: 'One execution with every node step' } },
  '/executions/{id}/cancel': { post: { summary: 'Cancel a running execution' } },
  '/expressions/functions': {
    get: { summary: "n8n's data transformation functions by value type (string, number, array, object)" },
  },
  '/expressions/preview': {
    post: {
      summary:
        'Evaluate one template on a sample item, as a run would: { ok, value } or { ok: false, message }',
      body: previewBody,
    },
  },
  '/credentials': {
    get: { summary: 'Credential names and types (never secrets)' },
    post: { summary: 'Store an encrypted credential', body: credentialBody, status: 201 },
  },
  '/credentials/{id}': { delete: { summary: 'Delete a credential', status: 204 } },
  '/collections/{name}/records': {
    get: {
      summary: 'Records of a workspace collection (mentions, contacts, cases, ...)',
      query: recordListQuery,
    },
  },
  '/collections/{name}/records/{key}': {
    get: { summary: 'One record; its ETag is its updatedAt' },
    put: {
      summary:
        'Create or replace a record; with If-Match (an ETag from GET), only the version read, else 409 CONFLICT',
      body: z.record(z.string(), z.json()),
    },
  },
  '/reports': { get: { summary: 'Reports rendered by reporting/render@1, newest first' } },
  '/reports/{id}/html': { get: { summary: 'A report as self-contained HTML' } },
  '/reports/{id}/pdf': { get: { summary: 'A report printed to PDF (needs Chromium on the server)' } },
  '/templates': { get: { summary: 'The bundled workflow templates with their parameters and credentials' } },
  '/templates/install': {
    post: {
      summary: 'Create a workflow from a template (given, or bundled by name) with parameter values',
      body: installBody,
      status: 201,
    },
  },
  '/templates/export/{id}': {
    post: {
      summary: 'Export a workflow as a template; chosen node params become parameters',
      body: exportBody,
    },
  },
  '/variables': { get: { summary: 'Workspace variables, read by expressions and Code nodes as $vars' } },
  '/variables/{key}': {
    put: { summary: 'Create or replace a variable (any JSON value but null)', body: variableBody },
    delete: { summary: 'Delete a variable', status: 204 },
  },
  '/collections/{name}/aggregate': {
    get: { summary: 'Counts by field value and time bucket', query: aggregateQuery },
  },
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(query: z.ZodObject | undefined) {
  return Object.entries(query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
  }));
}

function describe(path: string, operation: Operation) {
  return {
    summary: operation.summary,
    parameters: [...pathParameters(path), ...queryParameters(operation.query)],
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: z.toJSONSchema(operation.body, { io: 'input', unrepresentable: 'any' }),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(operation.status ?? 200)]: { description: 'Success' },
      default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
    },
  };
}

let document: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document, built once from the same zod schemas the routes validate with. */
export function openApiDocument(): Record<string, unknown> {
  document ??= {
    openapi: '3.1.0',
    info: { title: 'SBSS API', version: '1' },
    servers: [{ url: '/api/v1' }],
    paths: Object.fromEntries(
      Object.entries(operations).map(([path, methods]) => [
        path,
        Object.fromEntries(
          Object.entries(methods).map(([method, operation]) => [method, describe(path, operation)]),
        ),
      ]),
    ),
  };
  return document;
}
