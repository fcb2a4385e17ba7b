import type { HttpRequest } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { httpNode } from './http.js';

const ok = (body: HttpRequest['body'] = { ok: true }) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: body ?? null,
});

describe('core/http', () => {
  it('sends one request per item through ctx.http with the item params', async () => {
    const result = await runNode(httpNode, {
      input: [{ id: 1 }, { id: 2 }],
      params: { url: 'https://api.example.com/cases/1' },
      itemParams: (item) => ({
        url: `https://api.example.com/cases/${item.id}`,
        method: 'PATCH',
        headers: { authorization: 'Bearer t', 'x-attempt': 1 },
        query: { notify: true },
        body: { status: 'open' },
      }),
      http: () => ok(),
    });
    expect(result.requests).toEqual(
      [1, 2].map((id) => ({
        url: `https://api.example.com/cases/${id}?notify=true`,
        method: 'PATCH',
        headers: { authorization: 'Bearer t', 'x-attempt': '1' },
        timeoutMs: 30_000,
        body: { status: 'open' },
      })),
    );
    expect(result.output.main).toEqual([ok(), ok()]);
  });

  it('sends no body unless one is set', async () => {
    const result = await runNode(httpNode, {
      input: [{}],
      params: { url: 'https://api.example.com/' },
      http: () => ok(),
    });
    expect(result.requests[0]).not.toHaveProperty('body');
  });

  it('fails on an error status with the status and body in the details', async () => {
    await expect(
      runNode(httpNode, {
        input: [{}],
        params: { url: 'https://api.example.com/' },
        http: () => ({ status: 404, headers: {}, body: 'no such case' }),
      }),
    ).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      message: 'GET https://api.example.com/ answered 404',
      details: { status: 404, body: 'no such case' },
    });
  });

  it('passes error statuses on when failOnStatus is off', async () => {
    const result = await runNode(httpNode, {
      input: [{}],
      params: { url: 'https://api.example.com/', failOnStatus: false },
      http: () => ({ status: 503, headers: {}, body: '' }),
    });
    expect(result.output.main).toEqual([{ status: 503, headers: {}, body: '' }]);
  });

  it('parses text as JSON or turns JSON into text on request', async () => {
    const asJson = await runNode(httpNode, {
      input: [{}],
      params: { url: 'https://api.example.com/', responseFormat: 'json' },
      http: () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: '{"n":1}' }),
    });
    expect(asJson.output.main?.[0]?.body).toEqual({ n: 1 });
    const asText = await runNode(httpNode, {
      input: [{}],
      params: { url: 'https://api.example.com/', responseFormat: 'text' },
      http: () => ok({ n: 1 }),
    });
    expect(asText.output.main?.[0]?.body).toBe('{"n":1}');
  });

  it('reports a body that is not JSON when JSON was asked for', async () => {
    await expect(
      runNode(httpNode, {
        input: [{}],
        params: { url: 'https://api.example.com/', responseFormat: 'json' },
        http: () => ({ status: 200, headers: {}, body: '<html>' }),
      }),
    ).rejects.toMatchObject({ code: 'HTTP_RESPONSE_INVALID' });
  });

  it('sends a retry-stable Idempotency-Key when asked', async () => {
    const result = await runNode(httpNode, {
      input: [{}],
      params: { url: 'https://api.example.com/', method: 'POST', sendIdempotencyKey: true },
      executionId: 'run-7',
      http: () => ok(),
    });
    expect(result.requests[0]?.headers).toEqual({ 'Idempotency-Key': 'run-7:http:0' });
  });

  it('lets errors of ctx.http through, such as a blocked address', async () => {
    const blocked = Object.assign(new Error('Request to "10.0.0.1" blocked'), { code: 'HTTP_BLOCKED' });
    await expect(
      runNode(httpNode, {
        input: [{}],
        params: { url: 'http://10.0.0.1/' },
        http: () => {
          throw blocked;
        },
      }),
    ).rejects.toBe(blocked);
  });
});
