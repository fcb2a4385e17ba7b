import type { HttpRequest, HttpResponse } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { rssNode } from './rss.js';

const rss = (guids: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>微博</title>
${guids
  .map(
    (guid) => `<item><title>帖子 ${guid}</title><link>https://weibo.com/${guid}</link><guid>${guid}</guid>
<pubDate>Tue, 02 Jan 2024 10:00:00 +0800</pubDate><dc:creator>小王</dc:creator>
<description>&lt;p&gt;客服太差了 &amp;amp; 物流慢&lt;/p&gt;</description></item>`,
  )
  .join('\n')}
</channel></rss>`;

const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><id>urn:1</id><title>Review</title><link href="https://blog.example/1"/><updated>2024-01-02T00:00:00Z</updated>
<author><name>Ann</name></author><content type="html">&lt;b&gt;Great&lt;/b&gt; battery</content></entry></feed>`;

const jsonFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Feed',
  items: [
    {
      id: 'j1',
      url: 'https://x.example/j1',
      content_text: 'Outage again',
      date_published: '2024-01-03T08:00:00Z',
      authors: [{ name: 'ops' }],
    },
  ],
};

function server(body: unknown, headers: Record<string, string> = {}) {
  return (request: HttpRequest): HttpResponse =>
    request.headers?.['if-none-match'] === '"v1"'
      ? { status: 304, headers: {}, body: '' }
      : { status: 200, headers, body: body as HttpResponse['body'] };
}

const url = 'https://rsshub.example/weibo/user/1';

describe('listening/rss', () => {
  it('turns RSS items into mentions with text stripped of HTML', async () => {
    const result = await runNode(rssNode, { params: { url, source: 'weibo' }, http: server(rss(['a1'])) });
    expect(result.output.main).toEqual([
      expect.objectContaining({
        id: 'a1',
        source: 'weibo',
        url: 'https://weibo.com/a1',
        title: '帖子 a1',
        text: '客服太差了 & 物流慢',
        author: { name: '小王' },
        lang: 'zh-Hans',
        publishedAt: '2024-01-02T02:00:00.000Z',
      }),
    ]);
  });

  it('reads Atom and JSON Feed too', async () => {
    const fromAtom = await runNode(rssNode, { params: { url }, http: server(atom) });
    expect(fromAtom.output.main?.[0]).toMatchObject({
      id: 'urn:1',
      text: 'Great battery',
      author: { name: 'Ann' },
      lang: 'en',
    });
    const fromJson = await runNode(rssNode, { params: { url }, http: server(jsonFeed) });
    expect(fromJson.output.main?.[0]).toMatchObject({
      id: 'j1',
      text: 'Outage again',
      publishedAt: '2024-01-03T08:00:00.000Z',
    });
  });

  it('emits only entries it has not emitted before', async () => {
    const first = await runNode(rssNode, { params: { url }, http: server(rss(['a1', 'a2'])) });
    const state = Object.fromEntries(first.state);
    const second = await runNode(rssNode, { params: { url }, state, http: server(rss(['a3', 'a2', 'a1'])) });
    expect(second.output.main?.map((item) => item.id)).toEqual(['a3']);
  });

  it('sends the last ETag and stops at 304 Not Modified', async () => {
    const first = await runNode(rssNode, { params: { url }, http: server(rss(['a1']), { etag: '"v1"' }) });
    const second = await runNode(rssNode, {
      params: { url },
      state: Object.fromEntries(first.state),
      http: server(rss(['a2'])),
    });
    expect(second.requests[0]?.headers?.['if-none-match']).toBe('"v1"');
    expect(second.output.main).toEqual([]);
  });

  it('reports broken XML with its line and column', async () => {
    const run = runNode(rssNode, {
      params: { url },
      http: server('<rss><channel>\n<item><title>x</item></channel></rss>'),
    });
    await expect(run).rejects.toMatchObject({ code: 'FEED_INVALID', details: { line: 2 } });
    await expect(run).rejects.toThrow(/not well-formed XML.*line 2, column/);
  });

  it('reports an HTML page or a timeout as such', async () => {
    const html = runNode(rssNode, { params: { url }, http: server('<html><body>login</body></html>') });
    await expect(html).rejects.toMatchObject({ code: 'FEED_INVALID' });
    const slow = runNode(rssNode, {
      params: { url, timeoutMs: 500 },
      http: () => {
        throw Object.assign(new Error(`Request to ${url} took longer than 500 ms`), { code: 'NODE_TIMEOUT' });
      },
    });
    await expect(slow).rejects.toMatchObject({
      code: 'FEED_TIMEOUT',
      message: `${url} did not answer within 500 ms`,
    });
  });
});
