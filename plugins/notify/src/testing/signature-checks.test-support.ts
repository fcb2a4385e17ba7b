import { createHmac } from 'node:crypto';

const hour = 3_600_000;

/** DingTalk's check, recomputed with node:crypto: HMAC-SHA256(secret, timestamp + "\n" + secret). */
export function dingtalkSignatureValid(query: URLSearchParams, secret: string): boolean {
  const timestamp = query.get('timestamp') ?? '';
  const sign = query.get('sign') ?? '';
  if (Math.abs(Date.now() - Number(timestamp)) > hour) return false;
  return sign === createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** Feishu's check: HMAC-SHA256 keyed with timestamp + "\n" + secret over nothing. */
export function feishuSignatureValid(body: { timestamp?: unknown; sign?: unknown }, secret: string): boolean {
  const timestamp = String(body.timestamp ?? '');
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > hour / 1000) return false;
  return body.sign === createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}
