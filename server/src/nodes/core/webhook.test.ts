import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { type WebhookRequestItem, webhookNode, webhookParamsSchema, webhookPath } from './webhook.js';

const request = (body: WebhookRequestItem['body']): WebhookRequestItem => ({
  body,
  query: { source: 'weibo' },
  headers: { 'content-type': 'application/json' },
  method: 'POST',
  path: 'mentions',
});

describe('core/webhook', () => {
  it('defaults to POST, answering with the first item of the last node, emitting the body', () => {
    expect(webhookParamsSchema.parse({ path: 'mentions' })).toEqual({
      path: 'mentions',
      method: 'POST',
      responseMode: 'lastNode',
      responseData: 'firstItem',
      output: 'body',
    });
  });

  it.each(['mentions', '/mentions/weibo', 'crm/:caseId/update', 'a_b-c/'])('accepts the path %s', (path) => {
    expect(webhookParamsSchema.safeParse({ path }).success).toBe(true);
  });

  it.each(['', '/', 'a//b', '../etc', 'has space', 'query?x=1'])('rejects the path "%s"', (path) => {
    expect(webhookParamsSchema.safeParse({ path }).success).toBe(false);
  });

  it('registers paths without leading or trailing slashes', () => {
    expect(webhookPath({ path: '/mentions/weibo/' })).toBe('mentions/weibo');
  });

  it('emits an object body as one item', async () => {
    const result = await runNode(webhookNode, {
      params: { path: 'mentions' },
      input: [request({ text: 'love it' })],
    });
    expect(result.output.main).toEqual([{ text: 'love it' }]);
  });

  it('emits an array of objects as one item each', async () => {
    const result = await runNode(webhookNode, {
      params: { path: 'mentions' },
      input: [request([{ id: 1 }, { id: 2 }])],
    });
    expect(result.output.main).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('wraps any other body as { body }', async () => {
    const result = await runNode(webhookNode, {
      params: { path: 'mentions' },
      input: [request('plain text'), request([1, 2]), request(null)],
    });
    expect(result.output.main).toEqual([{ body: 'plain text' }, { body: [1, 2] }, { body: null }]);
  });

  it('emits the whole request with output "request"', async () => {
    const item = request({ text: 'hi' });
    const result = await runNode(webhookNode, {
      params: { path: 'mentions', output: 'request' },
      input: [item],
    });
    expect(result.output.main).toEqual([item]);
  });
});
