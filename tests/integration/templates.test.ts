import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './server-harness.js';
import { startMailPeer, startWebPeer } from './template-peers.js';
import {
  type CaseRecord,
  createCredentials,
  install,
  outputOf,
  records,
  run,
  sampleMentions,
  screenshotReport,
} from './template-run.js';

// Each template scores the 3,000 sample mentions in the sandbox: seconds alone, more on busy cores.
vi.setConfig({ testTimeout: 120_000 });

let mail: Awaited<ReturnType<typeof startMailPeer>>;
let web: Awaited<ReturnType<typeof startWebPeer>>;
beforeAll(async () => {
  [mail, web] = await Promise.all([startMailPeer(), startWebPeer()]);
});
afterAll(async () => {
  await Promise.all([mail.close(), web.close()]);
});

/** Each template gets a fresh server, so collections (mentions, cases, dedupe memory) start empty. */
async function templateServer(): Promise<TestServer> {
  mail.mails.length = 0;
  web.robots.length = 0;
  web.hubspot.length = 0;
  // The robots and HubSpot answer on loopback: the admin grants the plugins that host and range.
  return startTestServer({
    allowNetworks: ['127.0.0.0/8'],
    pluginHosts: { notify: ['127.0.0.1'], crm: ['127.0.0.1'] },
  });
}

async function installed(server: TestServer, name: string, params: Record<string, unknown> = {}) {
  const { id, credentials } = await install(server, name, params);
  await createCredentials(server, credentials, { mail, web });
  return id;
}

type Report = { id: string; title: string };

describe('template library', () => {
  it('lists the five bundled templates, refuses bad parameters and exports an installed workflow back', async () => {
    const server = await startTestServer();
    try {
      const list = await server.call<{
        items: { id: string; parameters: unknown[]; credentials: unknown[] }[];
      }>('GET', '/api/v1/templates');
      expect(list.body.items.map((item) => item.id)).toEqual([
        'brand-crisis-alert',
        'competitor-share-of-voice',
        'customer-care-triage',
        'kol-discovery',
        'social-lead-capture',
      ]);
      expect(list.body.items.every((item) => item.parameters.length > 0 && item.credentials.length > 0)).toBe(
        true,
      );
      const refused = await server.call('POST', '/api/v1/templates/install', {
        name: 'brand-crisis-alert',
        params: { urgencyThreshold: 'high' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'TEMPLATE_INVALID' } });

      // An installed workflow exports back into a template, with chosen params as parameters.
      const { id } = await install(server, 'brand-crisis-alert', { brand: 'Acme', brandQuery: 'Acme*' });
      const exported = await server.call<{ template: { parameters: unknown[]; credentials: unknown[] } }>(
        'POST',
        `/api/v1/templates/export/${id}`,
        { parameters: { 'watch.query': 'brandQuery', 'tag.fields.brand': 'brand' } },
      );
      expect(exported.status).toBe(200);
      expect(exported.body.template.parameters).toEqual([
        expect.objectContaining({ name: 'brandQuery', type: 'string', default: 'Acme*' }),
        expect.objectContaining({ name: 'brand', type: 'string', default: 'Acme' }),
      ]);
      expect(exported.body.template.credentials).toEqual([
        expect.objectContaining({ name: 'crisis-dingtalk', type: 'robot-webhook' }),
        expect.objectContaining({ name: 'crisis-smtp', type: 'smtp' }),
        expect.objectContaining({ name: 'crisis-feishu', type: 'robot-webhook' }),
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('brand crisis alert', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await templateServer();
  });
  afterAll(() => server.close());

  it('turns urgent negative mentions into crisis cases, DingTalk cards and an emailed brief', async () => {
    const id = await installed(server, 'brand-crisis-alert', {
      maxCases: 4,
      halfLifeHours: 0,
      recipients: ['pr@example.com'],
    });
    expect((await run(server, id, 'setup')).status).toBe('succeeded');
    const result = await run(server, id, 'intake', sampleMentions);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');

    const cases = await records<CaseRecord>(server, 'cases');
    expect(cases).toHaveLength(4);
    expect(cases.every((record) => record.data.priority === 'urgent' && record.data.queue === 'crisis')).toBe(
      true,
    );
    expect(new Set(cases.map((record) => record.data.owner))).toEqual(new Set(['ana', 'ben', 'chen']));

    const cards = web.robots.filter((message) => message.platform === 'dingtalk');
    expect(cards).toHaveLength(4);
    expect(cards.every((card) => card.signed)).toBe(true);
    expect(JSON.stringify(cards[0]?.body)).toContain('Joyself Beauty crisis');

    const reports = await records<{ data: Report }>(server, 'reports');
    expect(reports.map((report) => report.data.title)).toEqual(['Joyself Beauty crisis brief']);
    const reportId = reports[0]?.data.id ?? '';
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]).toMatchObject({
      to: ['pr@example.com'],
      subject: '[Crisis] Joyself Beauty crisis brief',
    });
    expect(mail.mails[0]?.text).toContain(`/api/v1/reports/${reportId}/html`);

    // Every mention was stored just now, so there is no hourly baseline yet and no spike card.
    const quiet = await outputOf(server, result.executionId, 'spike', 'quiet');
    expect(quiet.map((check) => check.status)).toEqual(['insufficient-baseline', 'insufficient-baseline']);
    expect(web.robots.some((message) => message.platform === 'feishu')).toBe(false);

    const page = await screenshotReport(server, reportId, 'brand-crisis-alert.png');
    if (page) expect(page).toMatchObject({ status: 200, heading: 'Joyself Beauty crisis brief' });
  });
});

describe('competitor share-of-voice weekly report', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await templateServer();
  });
  afterAll(() => server.close());

  it('tags and stores brand mentions, then renders the weekly report and sends it by email and Slack', async () => {
    const id = await installed(server, 'competitor-share-of-voice', { recipients: ['cmo@example.com'] });
    const listened = await run(server, id, 'intake', sampleMentions);
    expect(listened.error).toBeUndefined();
    const stored = await outputOf(server, listened.executionId, 'store');
    expect(stored.length).toBeGreaterThan(1000);
    // Every stored mention is the one that came in (language detection may relabel its lang).
    const sent = new Map(sampleMentions.map((mention) => [mention.id, mention]));
    for (const { lang: _, ...mention } of stored) {
      const { lang: __, ...original } = sent.get(mention.id) ?? {};
      expect(mention).toMatchObject(original);
    }

    const weekly = await run(server, id, 'weekly');
    expect(weekly.error).toBeUndefined();
    const [aggregate] = await outputOf(server, weekly.executionId, 'aggregate');
    const voice = aggregate?.shareOfVoice as { groups: { group: string; count: number; share: number }[] };
    expect(voice.groups.map((group) => group.group)).toEqual([
      'Starlan',
      'Joyself Beauty',
      'Cloudnest Coffee',
    ]);
    expect(voice.groups.every((group) => group.count > 100)).toBe(true);
    expect(voice.groups.reduce((sum, group) => sum + group.share, 0)).toBeCloseTo(1, 1);

    const reports = await records<{ data: Report }>(server, 'reports');
    expect(reports.map((report) => report.data.title)).toEqual(['Weekly share of voice']);
    const reportId = reports[0]?.data.id ?? '';
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]).toMatchObject({ to: ['cmo@example.com'], subject: 'Weekly share of voice' });
    expect(mail.mails[0]?.html).toContain(`/api/v1/reports/${reportId}/html`);
    const slack = web.robots.filter((message) => message.platform === 'slack');
    expect(slack).toHaveLength(1);
    expect(JSON.stringify(slack[0]?.body.blocks)).toContain(`/api/v1/reports/${reportId}/html`);

    const page = await screenshotReport(server, reportId, 'competitor-share-of-voice.png');
    if (page) expect(page).toMatchObject({ status: 200, heading: 'Weekly share of voice' });
  });
});

describe('social lead capture', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await templateServer();
  });
  afterAll(() => server.close());

  it('opens lead cases for buying intent, routes them round robin, mirrors them to HubSpot and posts to WeCom', async () => {
    const id = await installed(server, 'social-lead-capture', { maxLeads: 9 });
    expect((await run(server, id, 'setup')).status).toBe('succeeded');
    const result = await run(server, id, 'intake', sampleMentions);
    expect(result.error).toBeUndefined();

    const assigned = await outputOf(server, result.executionId, 'assign');
    expect(assigned).toHaveLength(9);
    const cases = await records<CaseRecord>(server, 'cases');
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((record) => record.data.topic === 'lead' && record.data.queue === 'sales')).toBe(true);
    // Round robin over three members: nine leads from distinct contacts give three each.
    const owners = assigned.map((item) => (item.assignment as { owner: string }).owner);
    const perOwner = ['ana', 'ben', 'chen'].map((owner) => owners.filter((name) => name === owner).length);
    expect(Math.max(...perOwner) - Math.min(...perOwner)).toBeLessThanOrEqual(1);

    const created = web.hubspot.filter(
      (call) => call.method === 'POST' && call.path === '/crm/v3/objects/tickets',
    );
    expect(created).toHaveLength(cases.length);
    expect(created[0]?.body.properties).toMatchObject({
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      hs_ticket_priority: 'HIGH',
    });

    const wecom = web.robots.filter((message) => message.platform === 'wecom');
    expect(wecom).toHaveLength(1);
    expect(JSON.stringify(wecom[0]?.body)).toContain('9 new social leads');
  });
});

describe('customer care triage', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await templateServer();
  });
  afterAll(() => server.close());

  it('turns complaints and questions into prioritized cases, then escalates overdue ones with a report', async () => {
    const id = await installed(server, 'customer-care-triage', {
      halfLifeHours: 0,
      supervisorEmail: ['lead@example.com'],
    });
    expect((await run(server, id, 'setup')).status).toBe('succeeded');
    const triage = await run(server, id, 'intake', sampleMentions);
    expect(triage.error).toBeUndefined();

    const cases = await records<CaseRecord>(server, 'cases');
    expect(cases.length).toBeGreaterThan(100);
    const priorities = new Set(cases.map((record) => record.data.priority));
    expect(priorities).toEqual(new Set(['urgent', 'high', 'normal']));
    expect(cases.every((record) => record.data.queue === 'care' && record.data.slaDueAt)).toBe(true);
    const slack = web.robots.filter((message) => message.platform === 'slack');
    expect(slack).toHaveLength(1);
    expect(JSON.stringify(slack[0]?.body)).toContain('mentions routed to customer care');

    // Two cases go past their SLA, as if nobody had answered them in time.
    const overdue = cases.filter((record) => record.data.owner !== 'chen').slice(0, 2);
    for (const record of overdue) {
      const past = { ...record.data, slaDueAt: new Date(Date.now() - 3_600_000).toISOString() };
      expect((await server.call('PUT', `/api/v1/collections/cases/records/${record.key}`, past)).status).toBe(
        200,
      );
    }
    const check = await run(server, id, 'every');
    expect(check.error).toBeUndefined();
    const escalated = await outputOf(server, check.executionId, 'escalate', 'escalated');
    expect(escalated.map((item) => item.case?.id).sort()).toEqual(overdue.map((record) => record.key).sort());
    expect(escalated.every((item) => item.case?.owner === 'chen')).toBe(true);

    const cards = web.robots.filter((message) => message.platform === 'feishu');
    expect(cards).toHaveLength(2);
    expect(cards.every((card) => card.signed)).toBe(true);
    const reports = await records<{ data: Report }>(server, 'reports');
    expect(reports.map((report) => report.data.title)).toEqual(['Customer care SLA']);
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]).toMatchObject({
      to: ['lead@example.com'],
      subject: 'Care cases escalated to you: Customer care SLA',
    });

    const page = await screenshotReport(server, reports[0]?.data.id ?? '', 'customer-care-triage.png');
    if (page) expect(page).toMatchObject({ status: 200, heading: 'Customer care SLA' });
  });
});

describe('KOL discovery', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await templateServer();
  });
  afterAll(() => server.close());

  it('shortlists influential authors of a category in a report, sends it, and keeps them as contacts', async () => {
    const id = await installed(server, 'kol-discovery', { topN: 8, recipients: ['partners@example.com'] });
    const result = await run(server, id, 'intake', sampleMentions);
    expect(result.error).toBeUndefined();

    const [shortlist] = await outputOf(server, result.executionId, 'shortlist');
    const kols = shortlist?.kols as { followers: number; influence: number }[];
    expect(kols).toHaveLength(8);
    expect(kols.every((kol) => kol.followers >= 50_000 && kol.influence >= 40)).toBe(true);
    expect(kols.map((kol) => kol.influence)).toEqual(
      [...kols.map((kol) => kol.influence)].sort((a, b) => b - a),
    );

    const contacts = await records<{ data: { handles: unknown[] } }>(server, 'contacts');
    expect(contacts).toHaveLength(8);
    const reports = await records<{ data: Report }>(server, 'reports');
    expect(reports.map((report) => report.data.title)).toEqual(['KOL shortlist: beauty']);
    const reportId = reports[0]?.data.id ?? '';
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]).toMatchObject({ to: ['partners@example.com'], subject: 'KOL shortlist: beauty' });
    const feishu = web.robots.filter((message) => message.platform === 'feishu');
    expect(feishu).toHaveLength(1);
    expect(feishu[0]?.signed).toBe(true);
    expect(JSON.stringify(feishu[0]?.body)).toContain(`/api/v1/reports/${reportId}/html`);

    const page = await screenshotReport(server, reportId, 'kol-discovery.png');
    if (page) expect(page).toMatchObject({ status: 200, heading: 'KOL shortlist: beauty' });
  });
});
