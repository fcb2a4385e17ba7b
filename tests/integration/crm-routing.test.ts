import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, node, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const team = `
members:
  - { id: ana, name: Ana, languages: [zh], capacity: 5 }
  - { id: ben, name: Ben, languages: [en], capacity: 5 }
queues:
  - { id: care, name: Customer care, members: [ana, ben] }
  - { id: on-call, name: On call, members: [ben], onCall: true }
`;

const mention = (id: string, author: string, text: string) => ({
  id,
  source: 'weibo',
  author: { id: author, name: author, followers: 100 },
  text,
  lang: 'zh-Hans',
  publishedAt: '2026-11-20T08:00:00Z',
  topics: ['delivery'],
  priority: 'urgent',
});

async function runOnce(workflow: unknown, items: unknown[]) {
  const created = await server.call<{ id: string }>('POST', '/api/v1/workflows', workflow);
  expect(created.status).toBe(201);
  return server.call<{ status: string; error?: unknown; output: { main: Record<string, unknown>[] } }>(
    'POST',
    `/api/v1/workflows/${created.body.id}/run`,
    { items },
  );
}

/** Replaces the workspace's team and queues with those of `yaml`. */
async function setUpTeam(yaml: string) {
  const setup = await runOnce(
    {
      name: 'team',
      nodes: [node('start', 'core/manual@1'), node('team', 'crm/setup-team@1', { team: yaml })],
      edges: [edge('start', 'team')],
    },
    [{}],
  );
  expect(setup.body.status).toBe('succeeded');
}

type CaseRecord = {
  data: { owner?: string; contactId: string; mentionIds: string[]; history: unknown[]; slaDueAt?: string };
};

describe('CRM routing in the sandbox', () => {
  it('opens one case per contact and topic, assigns owners round robin and records why', async () => {
    await setUpTeam(team);

    const route = {
      name: 'route',
      nodes: [
        node('start', 'core/manual@1'),
        node('contact', 'crm/upsert-contact@1'),
        node('case', 'crm/open-case@1'),
        node('assign', 'crm/assign@1', {
          strategy: 'round-robin',
          queue: 'care',
          respectWorkingHours: false,
        }),
      ],
      edges: [edge('start', 'contact'), edge('contact', 'case'), edge('case', 'assign')],
    };
    const run = await runOnce(route, [
      mention('m1', 'wang', '快递三天没到'),
      mention('m2', 'li', '包裹丢了'),
      mention('m3', 'wang', '还是没有消息'),
    ]);
    expect(run.body.error).toBeUndefined();
    const assignments = run.body.output.main.map(
      (item) => item.assignment as { owner: string; reason: string },
    );
    expect(assignments.every((assignment) => assignment.reason.length > 0)).toBe(true);

    const cases = await server.call<{ items: CaseRecord[] }>('GET', '/api/v1/collections/cases/records');
    expect(cases.body.items).toHaveLength(2);
    const wangs = cases.body.items.find((record) => record.data.mentionIds.includes('weibo:m1'));
    expect(wangs?.data.mentionIds).toEqual(['weibo:m1', 'weibo:m3']);
    expect(new Set(cases.body.items.map((record) => record.data.owner))).toEqual(new Set(['ana', 'ben']));
    expect(cases.body.items.every((record) => record.data.slaDueAt && record.data.history.length > 0)).toBe(
      true,
    );
  });

  it('spreads the cases of executions routing at once over the team (least loaded)', async () => {
    const fresh = `
members:
  - { id: cy, name: Cy, languages: [zh], capacity: 10 }
  - { id: dee, name: Dee, languages: [zh], capacity: 10 }
queues:
  - { id: escalations, name: Escalations, members: [cy, dee] }
`;
    await setUpTeam(fresh);
    const route = {
      name: 'escalate',
      nodes: [
        node('start', 'core/manual@1'),
        node('contact', 'crm/upsert-contact@1'),
        node('case', 'crm/open-case@1', { queue: 'escalations' }),
        node('assign', 'crm/assign@1', {
          strategy: 'least-loaded',
          queue: 'escalations',
          respectWorkingHours: false,
          sticky: false,
        }),
      ],
      edges: [edge('start', 'contact'), edge('contact', 'case'), edge('case', 'assign')],
    };
    // Each execution reads the owners' loads, picks the lighter one and writes its case: without
    // taking turns, all four read 0 and 0 and pick the same owner.
    const runs = await Promise.all(
      [1, 2, 3, 4].map((n) => runOnce(route, [mention(`c${n}`, `author-${n}`, '快递三天没到')])),
    );
    const owners = runs.map((run) => {
      expect(run.body.error).toBeUndefined();
      return (run.body.output.main[0]?.assignment as { owner: string } | undefined)?.owner;
    });
    expect(owners.filter((owner) => owner === 'cy')).toHaveLength(2);
    expect(owners.filter((owner) => owner === 'dee')).toHaveLength(2);
  });
});
