import type { Item, JsonObject, JsonValue, PortItems } from '@sbss/sdk';
import { type Context, Hono } from 'hono';
import { SbssError } from '../engine/index.js';
import type { WebhookResponse } from '../nodes/host-node.js';
import type { ExecutionOutcome } from '../runtime/execution-service.js';
import type { WebhookEntry } from '../triggers/webhook-table.js';
import type { ApiDeps } from './api-env.js';
import { errorBody } from './error-handler.js';
import { refuseDeepBody } from './validate.js';

function parseBody(type: string, text: string): JsonValue {
  if (text === '') return {};
  if (type.includes('json')) {
    refuseDeepBody(text);
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      throw new SbssError('BAD_REQUEST', 'The request body is not valid JSON');
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text;
}

function firstItem(output: PortItems | undefined): Item {
  for (const items of Object.values(output ?? {})) if (items[0]) return items[0];
  return {};
}

function answerFromOutcome(c: Context, outcome: ExecutionOutcome, responseData: string): Response {
  if (outcome.status !== 'succeeded') {
    const error = outcome.error ?? { code: 'NODE_FAILED', message: 'The workflow did not finish' };
    return c.json(errorBody(error.code, error.message, { executionId: outcome.executionId }), 500);
  }
  if (responseData === 'allItems') return c.json(Object.values(outcome.output ?? {}).flat());
  if (responseData === 'noData') return c.body(null, 204);
  return c.json(firstItem(outcome.output));
}

function answer(c: Context, response: WebhookResponse): Response {
  const headers = new Headers(response.headers);
  if (typeof response.body === 'string')
    return c.body(response.body, response.status as 200, Object.fromEntries(headers));
  headers.set('content-type', 'application/json; charset=utf-8');
  return c.body(JSON.stringify(response.body), response.status as 200, Object.fromEntries(headers));
}

/** `/hooks/<path>`: each call of an active webhook workflow is stored before it is acknowledged. */
export function hookRoutes({ triggers, executions }: ApiDeps) {
  return new Hono().all('/*', async (c) => {
    const path = decodeURIComponent(c.req.path.replace(/^\/hooks\/?/, ''));
    const hook = triggers.matchWebhook(c.req.method, path);
    if (!hook) {
      return c.json(errorBody('NOT_FOUND', `No active webhook for ${c.req.method} /hooks/${path}`), 404);
    }
    return handleCall(c, hook, path, executions);
  });
}

/**
 * `/hooks-test/<path>`: a call someone listens for in the editor (`POST /workflows/:id/listen`)
 * runs the workflow as a call to `/hooks/<path>` would, active or not, once.
 */
export function testHookRoutes({ triggers, executions }: ApiDeps) {
  return new Hono().all('/*', async (c) => {
    const path = decodeURIComponent(c.req.path.replace(/^\/hooks-test\/?/, ''));
    const test = triggers.matchTestWebhook(c.req.method, path);
    if (!test) {
      return c.json(errorBody('NOT_FOUND', `Nobody listens for ${c.req.method} /hooks-test/${path}`), 404);
    }
    return handleCall(c, test.entry, path, executions, test.started);
  });
}

/** Stores the call as the trigger's item, starts the run, and answers as the trigger says. */
async function handleCall(
  c: Context,
  hook: WebhookEntry,
  path: string,
  executions: ApiDeps['executions'],
  onStarted?: (executionId: string) => void,
): Promise<Response> {
  const text = await c.req.text();
  const item: JsonObject = {
    body: parseBody(c.req.header('content-type') ?? '', text),
    // Signature checks need the exact bytes that were signed, not a re-serialisation.
    ...(hook.keepRawBody ? { rawBody: text } : {}),
    query: c.req.query(),
    headers: c.req.header(),
    method: c.req.method,
    path,
  };
  let respond: (response: WebhookResponse) => void = () => {};
  const responded = new Promise<WebhookResponse>((resolve) => {
    respond = resolve;
  });
  const started = await executions.start({
    workspaceId: hook.workspaceId,
    workflowId: hook.workflowId,
    mode: 'webhook',
    trigger: { nodeId: hook.nodeId, items: [item] },
    ...(hook.responseMode === 'respondNode' ? { onRespond: respond } : {}),
  });
  onStarted?.(started.executionId);
  if (hook.responseMode === 'onReceived') {
    started.finished.catch(() => {});
    return c.json({ executionId: started.executionId });
  }
  if (hook.responseMode === 'respondNode') {
    const first = await Promise.race([responded, started.finished]);
    if ('status' in first && typeof first.status === 'number') return answer(c, first as WebhookResponse);
    return answerFromOutcome(c, first as ExecutionOutcome, 'noData');
  }
  return answerFromOutcome(c, await started.finished, hook.responseData);
}
