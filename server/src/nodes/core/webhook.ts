import type { Item, JsonValue } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { isObject } from './field-path.js';
import { paramMeta } from './param-meta.js';

/** Path segments of letters, digits, `_`, `-` and `:` (for `:name` placeholders), slash-separated. */
const pathPattern = /^\/?[A-Za-z0-9_:-]+(?:\/[A-Za-z0-9_:-]+)*\/?$/;

export const webhookParamsSchema = z.object({
  path: z
    .string()
    .max(200)
    .regex(pathPattern, 'Use letters, digits, "_", "-", ":" and "/" between segments, e.g. "mentions/weibo"')
    .meta(
      paramMeta({
        title: { en: 'Path', 'zh-Hans': '路径', 'zh-Hant': '路徑' },
        description: {
          en: 'Served at /hooks/<path>; a leading slash is optional',
          'zh-Hans': '在 /hooks/<path> 提供服务；开头的斜杠可省略',
          'zh-Hant': '於 /hooks/<path> 提供服務；開頭的斜線可省略',
        },
      }),
    ),
  method: z
    .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
    .default('POST')
    .meta(
      paramMeta({
        title: { en: 'HTTP method', 'zh-Hans': 'HTTP 方法', 'zh-Hant': 'HTTP 方法' },
        description: {
          en: 'HTTP method to accept',
          'zh-Hans': '接受的 HTTP 方法',
          'zh-Hant': '接受的 HTTP 方法',
        },
      }),
    ),
  responseMode: z
    .enum(['onReceived', 'lastNode', 'respondNode'])
    .default('lastNode')
    .meta(
      paramMeta({
        title: { en: 'Response mode', 'zh-Hans': '响应方式', 'zh-Hant': '回應方式' },
        description: {
          en: 'onReceived: answer with the execution id once the request is stored; lastNode: answer with the last node output; respondNode: a Respond node answers',
          'zh-Hans':
            'onReceived：请求保存后即返回执行 ID；lastNode：返回最后一个节点的输出；respondNode：由“响应 Webhook”节点返回',
          'zh-Hant':
            'onReceived：請求儲存後即回傳執行 ID；lastNode：回傳最後一個節點的輸出；respondNode：由「回應 Webhook」節點回應',
        },
      }),
    ),
  responseData: z
    .enum(['firstItem', 'allItems', 'noData'])
    .default('firstItem')
    .meta(
      paramMeta({
        title: { en: 'Response data', 'zh-Hans': '响应数据', 'zh-Hant': '回應資料' },
        description: {
          en: 'With lastNode: answer with the first item, all items as an array, or an empty 204',
          'zh-Hans': '用于 lastNode：返回第一条数据、以数组返回全部数据，或返回空的 204',
          'zh-Hant': '用於 lastNode：回傳第一筆資料、以陣列回傳全部資料，或回傳空的 204',
        },
      }),
    ),
  output: z
    .enum(['body', 'request'])
    .default('body')
    .meta(
      paramMeta({
        title: { en: 'Output', 'zh-Hans': '输出内容', 'zh-Hant': '輸出內容' },
        description: {
          en: 'body: emit the request body as items; request: emit { body, query, headers, method, path }',
          'zh-Hans': 'body：把请求体作为数据输出；request：输出 { body, query, headers, method, path }',
          'zh-Hant': 'body：將請求內容作為資料輸出；request：輸出 { body, query, headers, method, path }',
        },
      }),
    ),
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
