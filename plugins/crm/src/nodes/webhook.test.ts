/// <reference types="node" />
import { createHmac, timingSafeEqual } from 'node:crypto';
import { runNode } from '@sbss/sdk/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Loopback,
  overHttp,
  type Received,
  type Reply,
  startLoopback,
} from '../test-support/loopback.test-support.js';
import { webhookNode } from './webhook.js';

const secret = 'whsec_5f2b8c1e9d7a4f60';
const now = new Date('2025-03-05T02:00:00Z');

/** A receiver that verifies the documented scheme with Node's own HMAC, as a user's server would. */
function verify(request: Received): Reply {
  const timestamp = request.headers['x-sbss-timestamp'] ?? '';
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  const given = request.headers['x-sbss-signature'] ?? '';
  const same = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  const fresh = Math.abs(now.getTime() / 1000 - Number(timestamp)) <= 300;
  return same && fresh
    ? { status: 202, body: { accepted: true } }
    : { status: 401, body: { error: 'bad signature' } };
}

let receiver: Loopback;
let replies: Reply[] = [];
beforeEach(async () => {
  replies = [];
  receiver = await startLoopback((request) => replies.shift() ?? verify(request));
});
afterEach(() => receiver.close());

const run = (params = {}, credential = secret) =>
  runNode(webhookNode, {
    params: { credential: 'hook', url: `${receiver.url}/crm-events`, ...params },
    input: [{ case: { id: 'cs_1', subject: '退款太慢' } }],
    credentials: { hook: { secret: credential } },
    http: overHttp,
    now,
  });

describe('crm/webhook', () => {
  it('sends the item as JSON with a signature the receiver verifies', async () => {
    const result = await run();
    expect(result.output.main?.[0]?.webhook).toEqual({ status: 202, response: { accepted: true } });
    const [request] = receiver.received;
    expect(request?.json).toEqual({ case: { id: 'cs_1', subject: '退款太慢' } });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-sbss-timestamp': '1741140000',
      'idempotency-key': 'test-execution:webhook:0',
    });
  });

  it('signs a custom payload over its exact bytes, non-ASCII included', async () => {
    await run({ payload: { text: '客服太慢了 😠', n: 1 } });
    expect(receiver.received[0]?.json).toEqual({ text: '客服太慢了 😠', n: 1 });
  });

  it('fails as rejected when the receiver refuses the signature', async () => {
    await expect(run({}, 'another-secret-value')).rejects.toMatchObject({
      code: 'UPSTREAM_REJECTED',
      details: { status: 401 },
    });
  });

  it('leaves 429 and 5xx to the node retry policy', async () => {
    replies.push({ status: 429, headers: { 'retry-after': '30' } }, { status: 500 });
    await expect(run()).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 30_000 } });
    await expect(run()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('refuses a secret shorter than 16 characters', async () => {
    await expect(run({}, 'short')).rejects.toMatchObject({ code: 'CREDENTIAL_INVALID' });
  });
});
