import { type HttpResponse, type Item, type JsonValue, NodeError } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { paramMeta } from './param-meta.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const httpNode = defineHostNode({
  id: 'http',
  title: { en: 'HTTP request', 'zh-Hans': 'HTTP 请求', 'zh-Hant': 'HTTP 請求' },
  description: {
    en: 'Calls an HTTP API once per item and outputs the status, headers and body.',
    'zh-Hans': '为每条数据调用一次 HTTP 接口，输出状态码、响应头和响应体。',
    'zh-Hant': '為每筆資料呼叫一次 HTTP 介面，輸出狀態碼、回應標頭與回應內容。',
  },
  category: 'data',
  params: z.object({
    url: z
      .string()
      .min(1)
      .meta(
        paramMeta({
          title: { en: 'URL', 'zh-Hans': 'URL', 'zh-Hant': '網址' },
          description: {
            en: 'http or https URL; private and loopback addresses are blocked',
            'zh-Hans': 'http 或 https 地址；私有地址和回环地址会被拦截',
            'zh-Hant': 'http 或 https 網址；私人位址與迴路位址會被封鎖',
          },
        }),
      ),
    method: z
      .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
      .default('GET')
      .meta(
        paramMeta({
          title: { en: 'Method', 'zh-Hans': '请求方法', 'zh-Hant': '請求方法' },
          description: { en: 'HTTP method', 'zh-Hans': 'HTTP 方法', 'zh-Hant': 'HTTP 方法' },
        }),
      ),
    headers: z
      .record(z.string(), scalar)
      .default({})
      .meta(
        paramMeta({
          title: { en: 'Headers', 'zh-Hans': '请求头', 'zh-Hant': '請求標頭' },
          description: { en: 'Request headers', 'zh-Hans': '请求头', 'zh-Hant': '請求標頭' },
        }),
      ),
    query: z
      .record(z.string(), scalar)
      .default({})
      .meta(
        paramMeta({
          title: { en: 'Query parameters', 'zh-Hans': '查询参数', 'zh-Hant': '查詢參數' },
          description: {
            en: 'Query parameters added to the URL',
            'zh-Hans': '添加到 URL 上的查询参数',
            'zh-Hant': '加到網址上的查詢參數',
          },
        }),
      ),
    body: z
      .json()
      .optional()
      .meta(
        paramMeta({
          title: { en: 'Body', 'zh-Hans': '请求体', 'zh-Hant': '請求內容' },
          description: {
            en: 'Request body: text is sent as is, anything else as JSON',
            'zh-Hans': '请求体：文本原样发送，其他内容以 JSON 发送',
            'zh-Hant': '請求內容：文字原樣送出，其他內容以 JSON 送出',
          },
        }),
      ),
    responseFormat: z
      .enum(['auto', 'json', 'text'])
      .default('auto')
      .meta(
        paramMeta({
          title: { en: 'Response format', 'zh-Hans': '响应格式', 'zh-Hant': '回應格式' },
          description: {
            en: 'auto: JSON when the response says so, else text',
            'zh-Hans': 'auto：响应声明为 JSON 时按 JSON 解析，否则按文本处理',
            'zh-Hant': 'auto：回應宣告為 JSON 時以 JSON 解析，否則視為文字',
          },
        }),
      ),
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .max(300_000)
      .default(30_000)
      .meta(
        paramMeta({
          title: { en: 'Timeout (ms)', 'zh-Hans': '超时（毫秒）', 'zh-Hant': '逾時（毫秒）' },
          description: {
            en: 'Give up after this many milliseconds',
            'zh-Hans': '超过这么多毫秒后放弃',
            'zh-Hant': '超過這麼多毫秒後放棄',
          },
        }),
      ),
    failOnStatus: z
      .boolean()
      .default(true)
      .meta(
        paramMeta({
          title: { en: 'Fail on error status', 'zh-Hans': '错误状态码时失败', 'zh-Hant': '錯誤狀態碼時失敗' },
          description: {
            en: 'Fail the step on a 4xx or 5xx status',
            'zh-Hans': '状态码为 4xx 或 5xx 时让该步骤失败',
            'zh-Hant': '狀態碼為 4xx 或 5xx 時讓此步驟失敗',
          },
        }),
      ),
    sendIdempotencyKey: z
      .boolean()
      .default(false)
      .meta(
        paramMeta({
          title: { en: 'Send idempotency key', 'zh-Hans': '发送幂等键', 'zh-Hant': '傳送冪等鍵' },
          description: {
            en: 'Send an Idempotency-Key header that stays the same when the step is retried',
            'zh-Hans': '发送 Idempotency-Key 请求头，步骤重试时保持不变',
            'zh-Hant': '傳送 Idempotency-Key 標頭，步驟重試時維持不變',
          },
        }),
      ),
  }),
  async run(ctx) {
    const output: Item[] = [];
    for (const index of (ctx.input.main ?? []).keys()) {
      const params = ctx.paramsFor(index);
      const url = withQuery(params.url, params.query);
      const headers = Object.fromEntries(
        Object.entries(params.headers).map(([name, value]) => [name, String(value)]),
      );
      // Header name from draft-ietf-httpapi-idempotency-key-header.
      if (params.sendIdempotencyKey) headers['Idempotency-Key'] = ctx.idempotencyKey(index);
      const response = await ctx.http.fetch({
        url,
        method: params.method,
        headers,
        timeoutMs: params.timeoutMs,
        ...(params.body === undefined ? {} : { body: params.body }),
      });
      if (params.failOnStatus && response.status >= 400) {
        throw new NodeError('HTTP_STATUS', `${params.method} ${url} answered ${response.status}`, {
          status: response.status,
          body: response.body,
        });
      }
      output.push({ ...response, body: formatBody(response, params.responseFormat) });
    }
    return output;
  },
});

function withQuery(raw: string, query: Record<string, string | number | boolean>): string {
  const entries = Object.entries(query);
  if (entries.length === 0) return raw;
  const url = URL.parse(raw);
  if (!url) throw new NodeError('HTTP_URL_INVALID', `"${raw}" is not a valid URL`);
  for (const [name, value] of entries) url.searchParams.append(name, String(value));
  return url.href;
}

function formatBody(response: HttpResponse, format: 'auto' | 'json' | 'text'): JsonValue {
  const { body } = response;
  if (format === 'text') return typeof body === 'string' ? body : JSON.stringify(body);
  if (format === 'auto' || typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    throw new NodeError('HTTP_RESPONSE_INVALID', 'The response body is not valid JSON', {
      status: response.status,
      body: body.slice(0, 1000),
    });
  }
}
