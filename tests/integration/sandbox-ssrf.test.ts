import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareHostileDataDir, type SandboxServer, startSandboxServer } from './sandbox-harness.js';

/**
 * The loopback target records every hit: a blocked request must never reach it. The "allowed"
 * server listens on 127.0.0.2, the one address the administrator allows, and redirects to the
 * target, so the redirect case shows the second hop is checked even when the first may pass.
 */
let server: SandboxServer;
let dataDir: string;
let target: Server;
let allowed: Server;
let hits = 0;
let targetPort = 0;
let allowedUrl = '';

function listen(handler: Parameters<typeof createServer>[1], host: string): Promise<Server> {
  const http = createServer(handler);
  return new Promise((resolve) => http.listen(0, host, () => resolve(http)));
}

beforeAll(async () => {
  target = await listen((_, response) => {
    hits += 1;
    response.end('secret');
  }, '127.0.0.1');
  targetPort = (target.address() as AddressInfo).port;
  allowed = await listen((request, response) => {
    if (request.url === '/ok') return response.end('{"fine":true}');
    response.writeHead(302, { location: `http://127.0.0.1:${targetPort}/secret` }).end();
  }, '127.0.0.2');
  allowedUrl = `http://127.0.0.2:${(allowed.address() as AddressInfo).port}`;
  dataDir = await prepareHostileDataDir();
  server = await startSandboxServer({ dataDir, allowNetworks: ['127.0.0.2/32'] });
});
afterAll(async () => {
  await server.close();
  target.close();
  allowed.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  await server.expectContained();
  expect(hits).toBe(0);
});

const targets = (): [string, string][] => [
  ['127.0.0.1', `http://127.0.0.1:${targetPort}/`],
  ['[::1]', `http://[::1]:${targetPort}/`],
  ['0.0.0.0', `http://0.0.0.0:${targetPort}/`],
  ['169.254.169.254', 'http://169.254.169.254/latest/meta-data/'],
  ['decimal 2130706433', `http://2130706433:${targetPort}/`],
  ['hex 0x7f000001', `http://0x7f000001:${targetPort}/`],
  ['short 127.1', `http://127.1:${targetPort}/`],
  ['localhost', `http://localhost:${targetPort}/`],
];

describe.each([
  ['ctx.http of a plugin', 'hostile/fetch@1'],
  ['core/http', 'core/http@1'],
])('SSRF through %s', (_, type) => {
  it.each(targets().map(([name]) => name))('blocks %s', async (name) => {
    const url = targets().find(([candidate]) => candidate === name)?.[1];
    const step = await server.runNode(type, { url });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('HTTP_BLOCKED');
    expect(step.error?.message).toMatch(/blocked/);
  });

  it('follows the allowed host but blocks its redirect to loopback', async () => {
    const fine = await server.runNode(type, { url: `${allowedUrl}/ok` });
    expect(fine.status).toBe('succeeded');
    const step = await server.runNode(type, { url: `${allowedUrl}/redirect` });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('HTTP_BLOCKED');
  });
});

describe('the plugin manifest', () => {
  it('blocks hosts the plugin did not declare', async () => {
    const step = await server.runNode('hostile/fetch@1', { url: 'http://example.org/' });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('HTTP_BLOCKED');
    expect(step.error?.message).toMatch(/manifest permits only/);
  });

  it('refuses schemes other than http and https', async () => {
    const step = await server.runNode('hostile/fetch@1', { url: 'file:///etc/passwd' });
    expect(step.status).toBe('failed');
    expect(step.error?.code).toMatch(/HTTP_BLOCKED|BAD_REQUEST/);
  });
});
