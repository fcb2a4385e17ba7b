import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.js';
import type { Resolver } from './resolve-target.js';
import { createHttpCapability } from './safe-fetch.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const routes: Record<string, Handler> = {
  '/echo': (request, body, response) => {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(
      JSON.stringify({ method: request.method, host: request.headers.host, body, headers: request.headers }),
    );
  },
  '/text': (_request, _body, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end('plain words');
  },
  '/gbk': (_request, _body, response) => {
    response.setHeader('content-type', 'text/csv');
    response.end(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
  },
  '/json-as-text': (_request, _body, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end('{"a":1}');
  },
  '/gzip': (_request, _body, response) => {
    response.setHeader('content-type', 'application/json');
    response.setHeader('content-encoding', 'gzip');
    response.end(gzipSync(JSON.stringify({ packed: true })));
  },
  '/deep-json': (_request, _body, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(`${'['.repeat(5_000)}1${']'.repeat(5_000)}`);
  },
  '/see-other': (_request, _body, response) => {
    response.writeHead(303, { location: '/echo' }).end();
  },
  '/to-metadata': (_request, _body, response) => {
    response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  },
  '/to-file': (_request, _body, response) => {
    response.writeHead(302, { location: 'file:///etc/passwd' }).end();
  },
  '/loop': (_request, _body, response) => {
    response.writeHead(302, { location: '/loop' }).end();
  },
  '/silent': () => {},
  '/large': (_request, _body, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end('x'.repeat(2048));
  },
  '/large-chunked': (_request, _body, response) => {
    response.setHeader('content-type', 'text/plain');
    for (let i = 0; i < 8; i += 1) response.write('y'.repeat(256));
    response.end();
  },
};

let server: Server;
let base: string;
let port: number;
const loopback = createAddressPolicy({ allow: ['127.0.0.0/8'] });

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
      if (route) route(request, body, response);
      else response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const table =
  (entries: Record<string, string[]>): Resolver =>
  async (hostname) =>
    (entries[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('safe fetch', () => {
  it('blocks a loopback server by default and says why', async () => {
    const http = createHttpCapability({ policy: createAddressPolicy() });
    await expect(http.fetch({ url: `${base}/echo` })).rejects.toMatchObject({
      code: 'HTTP_BLOCKED',
      message: expect.stringMatching(/"127\.0\.0\.1" blocked: it is a loopback address/),
    });
  });

  it('blocks the localhost name because it resolves to loopback', async () => {
    const http = createHttpCapability({ policy: createAddressPolicy() });
    await expect(http.fetch({ url: `http://localhost:${port}/echo` })).rejects.toMatchObject({
      code: 'HTTP_BLOCKED',
      message: expect.stringMatching(/"localhost" blocked: it resolves to .*loopback/),
    });
  });

  it.each(['http://2130706433/', 'http://0x7f000001/', 'http://[::ffff:127.0.0.1]/'])(
    'blocks the disguised loopback URL %s',
    async (url) => {
      const http = createHttpCapability({ policy: createAddressPolicy() });
      await expect(http.fetch({ url })).rejects.toMatchObject({ code: 'HTTP_BLOCKED' });
    },
  );

  it('reaches an allowed range, sends JSON and parses the JSON answer', async () => {
    const http = createHttpCapability({ policy: loopback });
    const response = await http.fetch({ url: `${base}/echo`, method: 'post', body: { hello: 'world' } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toMatchObject({
      method: 'POST',
      body: '{"hello":"world"}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('returns text bodies as text and decodes gzip', async () => {
    const http = createHttpCapability({ policy: loopback });
    expect((await http.fetch({ url: `${base}/text` })).body).toBe('plain words');
    expect((await http.fetch({ url: `${base}/gzip` })).body).toEqual({ packed: true });
  });

  it('keeps JSON nested deeper than the server walks as text', async () => {
    const http = createHttpCapability({ policy: loopback });
    const { body } = await http.fetch({ url: `${base}/deep-json` });
    expect(typeof body === 'string' && body.length).toBe(10_001);
  });

  it('hands back raw bytes as base64, or text and JSON, when the request names a response type', async () => {
    const http = createHttpCapability({ policy: loopback });
    const gbk = await http.fetch({ url: `${base}/gbk`, responseType: 'base64' });
    expect(Buffer.from(gbk.body as string, 'base64')).toEqual(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
    expect((await http.fetch({ url: `${base}/gzip`, responseType: 'text' })).body).toBe('{"packed":true}');
    expect((await http.fetch({ url: `${base}/json-as-text`, responseType: 'json' })).body).toEqual({ a: 1 });
  });

  it('connects to the vetted address while keeping the name in the Host header', async () => {
    const http = createHttpCapability({
      policy: loopback,
      resolver: table({ 'crm.example.test': ['127.0.0.1'] }),
    });
    const response = await http.fetch({
      url: `http://crm.example.test:${port}/echo`,
      headers: { Host: 'other' },
    });
    expect(response.body).toMatchObject({ host: `crm.example.test:${port}` });
  });

  it('sends the URL host as TLS server name while connecting to the vetted address', async () => {
    const names: string[] = [];
    const tls = createTlsServer({
      SNICallback: (servername, answer) => {
        names.push(servername);
        answer(new Error('no certificate in this test'));
      },
    });
    tls.on('tlsClientError', () => {});
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const tlsPort = (tls.address() as AddressInfo).port;
    try {
      const http = createHttpCapability({
        policy: loopback,
        resolver: table({ 'secure.example.test': ['127.0.0.1'] }),
      });
      await expect(http.fetch({ url: `https://secure.example.test:${tlsPort}/` })).rejects.toMatchObject({
        code: 'NODE_FAILED',
      });
      expect(names).toEqual(['secure.example.test']);
    } finally {
      tls.close();
    }
  });

  it('stops waiting for a slow DNS answer at the deadline', async () => {
    const http = createHttpCapability({
      policy: loopback,
      timeoutMs: 100,
      resolver: () => new Promise(() => {}),
    });
    await expect(http.fetch({ url: 'http://slow-dns.example.test/' })).rejects.toMatchObject({
      code: 'NODE_TIMEOUT',
    });
  });

  it('refuses a name when any of its addresses is blocked', async () => {
    const http = createHttpCapability({
      policy: createAddressPolicy(),
      resolver: table({ 'mixed.example.test': ['93.184.216.34', '10.0.0.7'] }),
    });
    await expect(http.fetch({ url: 'http://mixed.example.test/' })).rejects.toMatchObject({
      code: 'HTTP_BLOCKED',
      message: expect.stringMatching(/resolves to 10\.0\.0\.7, a private address/),
    });
  });

  it('refuses cloud metadata host names before looking them up', async () => {
    const http = createHttpCapability({ policy: createAddressPolicy({ allow: ['0.0.0.0/0'] }) });
    await expect(
      http.fetch({ url: 'http://metadata.google.internal/computeMetadata/v1/' }),
    ).rejects.toMatchObject({
      code: 'HTTP_BLOCKED',
      message: expect.stringMatching(/metadata host name/),
    });
  });

  it('only reaches hosts the manifest declares', async () => {
    const http = createHttpCapability({
      policy: loopback,
      allowedHosts: ['*.example.test'],
      resolver: table({ 'api.example.test': ['127.0.0.1'], 'api.other.test': ['127.0.0.1'] }),
    });
    expect((await http.fetch({ url: `http://api.example.test:${port}/text` })).status).toBe(200);
    await expect(http.fetch({ url: `http://api.other.test:${port}/text` })).rejects.toMatchObject({
      code: 'HTTP_BLOCKED',
      message: expect.stringMatching(/manifest permits only \*\.example\.test/),
    });
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/', 'gopher://example.com/'])(
    'refuses the non-http URL %s',
    async (url) => {
      const http = createHttpCapability({ policy: loopback });
      await expect(http.fetch({ url })).rejects.toMatchObject({
        code: 'HTTP_BLOCKED',
        message: expect.stringMatching(/only http and https/),
      });
    },
  );

  it('follows a 303 redirect as a GET without the body', async () => {
    const http = createHttpCapability({ policy: loopback });
    const response = await http.fetch({ url: `${base}/see-other`, method: 'POST', body: 'payload' });
    expect(response.body).toMatchObject({ method: 'GET', body: '' });
  });

  it('checks every redirect hop: a redirect to the metadata address is blocked', async () => {
    const http = createHttpCapability({ policy: loopback });
    await expect(http.fetch({ url: `${base}/to-metadata` })).rejects.toMatchObject({
      code: 'HTTP_BLOCKED',
      message: expect.stringMatching(/"169\.254\.169\.254" blocked: it is a cloud instance metadata address/),
    });
  });

  it('refuses a redirect to another scheme', async () => {
    const http = createHttpCapability({ policy: loopback });
    await expect(http.fetch({ url: `${base}/to-file` })).rejects.toMatchObject({ code: 'HTTP_BLOCKED' });
  });

  it('stops after five redirects', async () => {
    const http = createHttpCapability({ policy: loopback });
    await expect(http.fetch({ url: `${base}/loop` })).rejects.toMatchObject({
      code: 'NODE_FAILED',
      message: 'Stopped after 5 redirects',
    });
  });

  it('gives up when the server does not answer in time', async () => {
    const http = createHttpCapability({ policy: loopback, timeoutMs: 5_000 });
    const started = Date.now();
    await expect(http.fetch({ url: `${base}/silent`, timeoutMs: 150 })).rejects.toMatchObject({
      code: 'NODE_TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops when the step is cancelled', async () => {
    const controller = new AbortController();
    const http = createHttpCapability({ policy: loopback, signal: controller.signal });
    const pending = http.fetch({ url: `${base}/silent` });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'EXECUTION_CANCELLED' });
  });

  it('refuses responses larger than the limit, declared or streamed', async () => {
    const http = createHttpCapability({ policy: loopback, maxResponseBytes: 1024 });
    await expect(http.fetch({ url: `${base}/large` })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(http.fetch({ url: `${base}/large-chunked` })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect((await http.fetch({ url: `${base}/text` })).body).toBe('plain words');
  });
});
