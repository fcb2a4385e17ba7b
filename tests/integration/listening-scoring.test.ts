import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

const stream = readFileSync(
  fileURLToPath(new URL('../../examples/data/mentions-zh-en.jsonl', import.meta.url)),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(0, 300)
  .map((line) => JSON.parse(line) as Record<string, unknown>);

const exampleData = (name: string) => fileURLToPath(new URL(`../../examples/data/${name}`, import.meta.url));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Scored = {
  lang: string;
  sentiment: { label: string; score: number };
  influence: number;
  urgency: number;
  rulesFired: unknown[];
};

describe('listening and scoring plugins in the sandbox', () => {
  it('are installed as node types from their built bundles', async () => {
    const types = await server.call<{ type: string }[]>('GET', '/api/v1/node-types');
    const names = types.body.map((entry) => entry.type);
    expect(names).toEqual(
      expect.arrayContaining(['listening/monitor@1', 'scoring/sentiment@1', 'scoring/rules@1']),
    );
  });

  it('scores a mention stream: language, monitor, sentiment, influence, urgency rules', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'listen and score',
      nodes: [
        node('start', 'core/manual@1'),
        node('lang', 'listening/language@1'),
        node('watch', 'listening/monitor@1', { query: 'NOT lang:ja' }),
        node('feel', 'scoring/sentiment@1'),
        node('reach', 'scoring/influence@1'),
        node('urgent', 'scoring/rules@1', {
          rules: [
            {
              name: 'negative',
              when: "{{ $json.sentiment.label === 'negative' }}",
              points: 60,
              target: 'urgency',
            },
            { name: 'big voice', when: '{{ $json.influence > 50 }}', points: 40, target: 'urgency' },
          ],
        }),
      ],
      edges: [
        edge('start', 'lang'),
        edge('lang', 'watch'),
        edge('watch', 'feel', 'matched'),
        edge('feel', 'reach'),
        edge('reach', 'urgent'),
      ],
    });
    expect(created.status).toBe(201);
    const run = await server.call<{ status: string; error?: unknown; output: { main: Scored[] } }>(
      'POST',
      `/api/v1/workflows/${created.body.id}/run`,
      { items: stream },
    );
    expect(run.body.error).toBeUndefined();
    expect(run.body.status).toBe('succeeded');
    const scored = run.body.output.main;
    expect(scored.length).toBeGreaterThan(200);
    for (const mention of scored) {
      expect(['positive', 'negative', 'neutral']).toContain(mention.sentiment.label);
      expect(mention.influence).toBeGreaterThanOrEqual(0);
      expect(mention.influence).toBeLessThanOrEqual(100);
      expect(typeof mention.urgency).toBe('number');
    }
    const labels = new Set(scored.map((mention) => mention.sentiment.label));
    expect(labels).toEqual(new Set(['positive', 'negative', 'neutral']));
    const languages = new Set(scored.map((mention) => mention.lang));
    expect(languages.has('en') && (languages.has('zh-Hans') || languages.has('zh-Hant'))).toBe(true);
  });

  it('monitors by site, verified author and counts in the sandbox, which gets the fields they read', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'loud weibo voices',
      nodes: [
        node('start', 'core/manual@1'),
        node('watch', 'listening/monitor@1', { query: 'site:weibo.com AND followers:>=1万 AND views:>5k' }),
      ],
      edges: [edge('start', 'watch')],
    });
    const mention = (id: string, url: string, followers: number, views: number) => ({
      id,
      source: 'weibo',
      url,
      author: { name: id, followers },
      lang: 'zh-Hans',
      publishedAt: '2026-11-01T00:00:00Z',
      text: '新品发布会',
      metrics: { likes: 1, shares: 1, comments: 1, views },
    });
    const run = await server.call<{ status: string; output: { matched: { id: string }[] } }>(
      'POST',
      `/api/v1/workflows/${created.body.id}/run`,
      {
        items: [
          mention('loud', 'https://m.weibo.com/status/1', 20_000, 9_000),
          mention('few-views', 'https://weibo.com/status/2', 20_000, 100),
          mention('elsewhere', 'https://www.zhihu.com/answer/3', 20_000, 9_000),
          mention('small', 'https://weibo.com/status/4', 300, 9_000),
        ],
      },
    );
    expect(run.body.status).toBe('succeeded');
    expect(run.body.output.matched.map((item) => item.id)).toEqual(['loud']);
  });

  it('imports an Excel export uploaded as base64, in the sandbox, and scores it', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'excel import',
      nodes: [
        node('start', 'core/manual@1'),
        node('load', 'listening/import@1', {
          content: readFileSync(
            fileURLToPath(new URL('../../examples/data/mentions.xlsx', import.meta.url)),
          ).toString('base64'),
          contentEncoding: 'base64',
          columns: JSON.parse(readFileSync(exampleData('export-columns.json'), 'utf8')),
        }),
        node('feel', 'scoring/sentiment@1'),
      ],
      edges: [edge('start', 'load'), edge('load', 'feel')],
    });
    const run = await server.call<{ status: string; output: { main: (Scored & { id: string })[] } }>(
      'POST',
      `/api/v1/workflows/${created.body.id}/run`,
      { items: [{}] },
    );
    expect(run.body.status).toBe('succeeded');
    expect(run.body.output.main).toHaveLength(20);
    expect(run.body.output.main[0]).toMatchObject({
      id: 'xiaohongshu-100002',
      lang: 'zh-Hans',
      sentiment: { label: expect.any(String) },
    });
  });

  it('reads Chinese complaints as negative and praise as positive', async () => {
    const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', {
      name: 'sentiment only',
      nodes: [node('start', 'core/manual@1'), node('feel', 'scoring/sentiment@1')],
      edges: [edge('start', 'feel')],
    });
    const items = [
      {
        id: '1',
        source: 'weibo',
        author: { name: 'a' },
        lang: 'zh-Hans',
        publishedAt: '2026-11-01T00:00:00Z',
        text: '客服态度太差了，等了两个小时没人理，再也不买了',
      },
      {
        id: '2',
        source: 'weibo',
        author: { name: 'b' },
        lang: 'zh-Hant',
        publishedAt: '2026-11-01T00:00:00Z',
        text: '物流很快，包裝很好，非常滿意，推薦！',
      },
      {
        id: '3',
        source: 'x',
        author: { name: 'c' },
        lang: 'en',
        publishedAt: '2026-11-01T00:00:00Z',
        text: 'Terrible support, my order is still missing after two weeks',
      },
    ];
    const run = await server.call<{ output: { main: Scored[] } }>(
      'POST',
      `/api/v1/workflows/${created.body.id}/run`,
      {
        items,
      },
    );
    expect(run.body.output.main.map((mention) => mention.sentiment.label)).toEqual([
      'negative',
      'positive',
      'negative',
    ]);
  });
});
