import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../records/hmac.js';
import { intakeNode } from './intake.js';

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
const request = (body: unknown, headers: Record<string, string> = {}) => ({
  body: body as string,
  query: {},
  headers,
  method: 'POST',
  path: 'mentions',
});

describe('listening/intake', () => {
  it('accepts a signed push and maps it with the resolved mapping', async () => {
    const body = {
      user: { name: 'Dana', fans: '1.2万' },
      content: 'Outage again?',
      link: 'https://t.example/1',
    };
    const signature = `sha256=${hex(hmacSha256('s3cret', JSON.stringify(body)))}`;
    const result = await runNode(intakeNode, {
      params: { path: 'mentions', secret: 's3cret', source: 'partner' },
      input: [request(body, { 'x-signature-256': signature })],
      // What the engine hands the node after resolving {{ $json.body... }} for this request.
      itemParams: (item) => ({
        path: 'mentions',
        secret: 's3cret',
        source: 'partner',
        mapping: {
          text: (item.body as unknown as typeof body).content,
          url: (item.body as unknown as typeof body).link,
          'author.name': (item.body as unknown as typeof body).user.name,
          'author.followers': (item.body as unknown as typeof body).user.fans,
        },
        fields: {},
      }),
      now: new Date('2024-05-01T00:00:00Z'),
    });
    expect(result.output.main).toEqual([
      expect.objectContaining({
        source: 'partner',
        text: 'Outage again?',
        url: 'https://t.example/1',
        author: { name: 'Dana', followers: 12000 },
        lang: 'en',
        publishedAt: '2024-05-01T00:00:00.000Z',
      }),
    ]);
  });

  it('rejects a push whose signature does not match the raw body', async () => {
    const run = runNode(intakeNode, {
      params: { path: 'mentions', secret: 's3cret' },
      input: [{ ...request({ text: 'hi' }, { 'x-signature-256': 'sha256=00' }), rawBody: '{"text":"hi"}' }],
    });
    await expect(run).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('takes the secret from a credential and base64 signatures', async () => {
    const raw = '{"text":"hola"}';
    const signature = btoa(String.fromCharCode(...hmacSha256('k', raw)));
    const result = await runNode(intakeNode, {
      params: { path: 'mentions', credential: 'partner-hook', signatureHeader: 'X-Partner-Signature' },
      credentials: { 'partner-hook': { secret: 'k' } },
      input: [{ ...request({ text: 'hola' }, { 'x-partner-signature': signature }), rawBody: raw }],
    });
    expect(result.output.main?.[0]).toMatchObject({ text: 'hola', source: 'webhook' });
  });

  it('splits a batch push and maps each element by path, sending misfits to invalid', async () => {
    const body = {
      data: [
        { msg: '发货太慢', nick: '小王', ts: 1714521600 },
        { nick: 'nobody', ts: 'never' },
      ],
    };
    const result = await runNode(intakeNode, {
      params: {
        path: 'mentions',
        itemsPath: 'body.data',
        fields: { text: 'msg', 'author.name': 'nick', publishedAt: 'ts' },
      },
      input: [request(body)],
    });
    expect(result.output.main).toEqual([
      expect.objectContaining({
        text: '发货太慢',
        author: { name: '小王' },
        lang: 'zh-Hans',
        publishedAt: '2024-05-01T00:00:00.000Z',
      }),
    ]);
    expect(result.output.invalid).toHaveLength(1);
  });
});
