import type { Item, JsonValue } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { isObject } from './field-path.js';

/** Path segments of letters, digits, `_`, `-` and `:` (for `:name` placeholders), slash-separated. */
const pathPattern = /^\/?[A-Za-z0-9_:-]+(?:\/[A-Za-z0-9_:-]+)*\/?$/;

export const webhookParamsSchema = z.object({
  path: z
    .string()
    .max(200)
    .regex(pathPattern, 'Use letters, digits, "_", "-", ":" and "/" between segments, e.g. "mentions/weibo"')
    .describe('Served at /hooks/<path>; a leading slash is optional'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST').describe('HTTP method to accept'),
  responseMode: z
    .enum(['onReceived', 'lastNode', 'respondNode'])
    .default('lastNode')
    .describe(
      'onReceived: answer with the execution id once the request is stored; lastNode: answer with the last node output; respondNode: a Respond node answers',
    ),
  responseData: z
    .enum(['firstItem', 'allItems', 'noData'])
    .default('firstItem')
    .describe('With lastNode: answer with the first item, all items as an array, or an empty 204'),
  output: z
    .enum(['body', 'request'])
    .default('body')
    .describe('body: emit the request body as items; request: emit { body, query, headers, method, path }'),
});

export type WebhookParams = z.output<typeof webhookParamsSchema>;

/** The item the runtime hands the trigger for each stored request. */
export interface WebhookRequestItem {
  [key: string]: JsonValue;
  body: JsonValue;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  method: string;
  path: string;
}

/** The path as registered under /hooks/, without leading or trailing slashes. */
export function webhookPath(params: Pick<WebhookParams, 'path'>): string {
  return params.path.replace(/^\/+|\/+$/g, '');
}

/** An object body is one item, an array of objects one item each, anything else `{ body }`. */
export function itemsFromBody(body: JsonValue | undefined): Item[] {
  if (isObject(body)) return [body];
  if (Array.isArray(body) && body.every(isObject)) return body;
  return [{ body: body ?? null }];
}

export const webhookNode = defineHostNode({
  id: 'webhook',
  title: { en: 'Webhook', 'zh-Hans': 'Webhook 触发', 'zh-Hant': 'Webhook 觸發' },
  description: {
    en: 'Starts the workflow when an HTTP request arrives at /hooks/<path>.',
    'zh-Hans': '当 HTTP 请求到达 /hooks/<path> 时启动工作流。',
    'zh-Hant': '當 HTTP 請求到達 /hooks/<path> 時啟動工作流程。',
  },
  category: 'trigger',
  trigger: 'webhook',
  params: webhookParamsSchema,
  run(ctx) {
    const requests = ctx.input.main ?? [];
    if (ctx.params.output === 'request') return requests;
    return requests.flatMap((request) => itemsFromBody(request.body));
  },
});
