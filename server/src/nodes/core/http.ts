import { type HttpResponse, type Item, type JsonValue, NodeError } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';

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
    url: z.string().min(1).describe('http or https URL; private and loopback addresses are blocked'),
    method: z
      .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
      .default('GET')
      .describe('HTTP method'),
    headers: z.record(z.string(), scalar).default({}).describe('Request headers'),
    query: z.record(z.string(), scalar).default({}).describe('Query parameters added to the URL'),
    body: z.json().optional().describe('Request body: text is sent as is, anything else as JSON'),
    responseFormat: z
      .enum(['auto', 'json', 'text'])
      .default('auto')
      .describe('auto: JSON when the response says so, else text'),
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .max(300_000)
      .default(30_000)
      .describe('Give up after this many milliseconds'),
    failOnStatus: z.boolean().default(true).describe('Fail the step on a 4xx or 5xx status'),
    sendIdempotencyKey: z
      .boolean()
      .default(false)
      .describe('Send an Idempotency-Key header that stays the same when the step is retried'),
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
