import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

const entry = (id: number) =>
  `<item><guid>post-${id}</guid><title>Post ${id}</title><link>https://blog.example/${id}</link>` +
  `<description>客服回复太慢了 ${id}</description><pubDate>Mon, 2${id} Nov 2026 08:00:00 GMT</pubDate></item>`;

let entries = [1, 2];
let feed: Server;
let feedUrl: string;
let server: TestServer;

beforeAll(async () => {
  feed = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Brand blog</title>${entries.map(entry).join('')}</channel></rss>`,
    );
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.xml`;
  server = await startTestServer({ allowNetworks: ['127.0.0.0/8'] });
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => feed.close(resolve));
});

describe('listening/rss in the sandbox', () => {
  it('emits feed entries as mentions, then only the new ones on the next run', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'feed',
      nodes: [node('start', 'core/manual@1'), node('feed', 'listening/rss@1', { url: feedUrl })],
      edges: [edge('start', 'feed')],
    });
    const run = () =>
      server.call<{
        status: string;
        error?: unknown;
        output: { main: { id: string; text: string; source: string }[] };
      }>('POST', `/api/v1/workflows/${created.body.id}/run`, {});
    const first = await run();
    expect(first.body.error).toBeUndefined();
    expect(first.body.output.main.map((mention) => mention.id).sort()).toEqual(['post-1', 'post-2']);
    expect(first.body.output.main[0]?.text).toContain('客服回复太慢了');
    entries = [1, 2, 3];
    const second = await run();
    expect(second.body.output.main.map((mention) => mention.id)).toEqual(['post-3']);
  });
});
