import { defineNode, type Item, withFields, z } from '@sbss/sdk';
import { webhookSecret } from '../credentials.js';
import { readCredential } from '../remote/credential.js';
import { httpUrl } from '../remote/http-url.js';
import { sign, signatureHeader, timestampHeader } from '../remote/signature.js';
import { isOk, upstreamError } from '../remote/upstream-error.js';

const params = z.object({
  credential: z.string().min(1).describe('A webhook-secret credential used to sign each request'),
  url: httpUrl().describe('Where to send the JSON'),
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
  payload: z.json().optional().describe('JSON to send; defaults to the whole item'),
  headers: z.record(z.string(), z.string()).default({}).describe('More request headers'),
});

export const webhookNode = defineNode({
  id: 'webhook',
  title: { en: 'Signed webhook', 'zh-Hans': '签名 Webhook', 'zh-Hant': '簽名 Webhook' },
  description: {
    en: 'Pushes each item as JSON to a URL, signed with HMAC-SHA256 over the timestamp and body (X-SBSS-Signature).',
    'zh-Hans': '把每条数据以 JSON 推送到 URL，并对时间戳和正文做 HMAC-SHA256 签名（X-SBSS-Signature）。',
    'zh-Hant': '把每筆資料以 JSON 推送到 URL，並對時間戳和正文做 HMAC-SHA256 簽名（X-SBSS-Signature）。',
  },
  category: 'crm',
  credentials: [webhookSecret.id],
  params,
  async run(ctx) {
    const out: Item[] = [];
    for (const [index, item] of (ctx.input.main ?? []).entries()) {
      const p = ctx.paramsFor(index);
      const { secret } = await readCredential(ctx, p.credential, webhookSecret.fields);
      const body = JSON.stringify(p.payload ?? item);
      const timestamp = Math.floor(ctx.now().getTime() / 1000);
      const response = await ctx.http.fetch({
        url: p.url,
        method: p.method,
        headers: {
          ...p.headers,
          'content-type': 'application/json',
          [timestampHeader]: String(timestamp),
          [signatureHeader]: sign(secret, timestamp, body),
          // Lets the receiver drop a delivery it has already processed when a step is retried.
          'idempotency-key': ctx.idempotencyKey(index),
        },
        // Sent as the exact string that was signed.
        body,
      });
      if (!isOk(response)) throw upstreamError(hostOf(p.url), response, ctx.now());
      out.push(withFields(item, { webhook: { status: response.status, response: response.body } }));
    }
    return out;
  },
});

/** The host for messages, without `URL` (a WHATWG API the sandbox does not have). */
function hostOf(url: string): string {
  return /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url;
}
