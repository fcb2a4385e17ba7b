import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const team = `
members:
  - { id: ana, name: Ana, languages: [zh], capacity: 10 }
  - { id: ben, name: Ben, languages: [zh], capacity: 10 }
queues:
  - { id: care, name: Customer care, members: [ana, ben] }
`;

async function create(workflow: unknown): Promise<string> {
  const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', workflow);
  expect(created.status).toBe(201);
  return created.body.id;
}

const run = (workflowId: string, items: unknown[]) =>
  server.call<{ status: string; error?: unknown; output: { main: Record<string, unknown>[] } }>(
    'POST',
    `/api/v1/workflows/${workflowId}/run`,
    { items },
  );

describe('CRM routing under concurrent executions', () => {
  it('least-loaded routing of executions that run at once spreads their cases over the team', async () => {
    const setup = await create({
      name: 'team',
      nodes: [node('start', 'core/manual@1'), node('team', 'crm/setup-team@1', { team })],
      edges: [edge('start', 'team')],
    });
    expect((await run(setup, [{}])).body.status).toBe('succeeded');
    const route = await create({
      name: 'route',
      nodes: [
        node('start', 'core/manual@1'),
        node('contact', 'crm/upsert-contact@1'),
        node('case', 'crm/open-case@1'),
        node('assign', 'crm/assign@1', {
          strategy: 'least-loaded',
          queue: 'care',
          respectWorkingHours: false,
          sticky: false,
        }),
      ],
      edges: [edge('start', 'contact'), edge('contact', 'case'), edge('case', 'assign')],
    });
    const mention = (n: number) => ({
      id: `m${n}`,
      source: 'weibo',
      author: { id: `author-${n}`, name: `author ${n}`, followers: 100 },
      text: '快递三天没到',
      lang: 'zh-Hans',
      publishedAt: '2026-11-20T08:00:00Z',
      topics: ['delivery'],
    });
    // Each execution reads the owners' loads, picks the lighter one and writes its case: run
    // together without taking turns, they would all read 0 and 0 and pick the same owner.
    const runs = await Promise.all([1, 2, 3, 4].map((n) => run(route, [mention(n)])));
    const owners = runs.map((result) => {
      expect(result.body.error).toBeUndefined();
      return (result.body.output.main[0]?.assignment as { owner: string } | undefined)?.owner;
    });
    expect(owners.filter((owner) => owner === 'ana')).toHaveLength(2);
    expect(owners.filter((owner) => owner === 'ben')).toHaveLength(2);
  });
});
