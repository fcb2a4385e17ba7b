import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { callApi } from './workflow-api.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

const team = {
  members: [
    { id: 'ana', name: 'Ana Li', skills: ['billing'], languages: ['zh'], capacity: 20 },
    { id: 'ben', name: 'Ben Wu', skills: ['delivery'], languages: ['en', 'zh'], capacity: 20 },
    { id: 'olga', name: 'Olga Chen', skills: [], languages: ['zh'], capacity: 10 },
  ],
  queues: [
    { id: 'care', name: 'Customer care', members: ['ana', 'ben'] },
    { id: 'on-call', name: 'On call', members: ['olga'], onCall: true },
  ],
};

const contact = {
  id: 'ct_wang',
  name: '小王',
  handles: [{ platform: 'weibo', handle: 'u-100', url: 'https://weibo.example/u-100' }],
  emails: ['wang@example.com'],
  phones: ['+8613800138000'],
  lang: 'zh-Hans',
  region: 'CN',
  ownerId: 'ana',
};

function mention(id: string, text: string, sentiment: string, minutesAgo: number) {
  return {
    id,
    source: 'weibo',
    url: `https://weibo.example/${id}`,
    author: { id: 'u-100', name: '小王' },
    text,
    publishedAt: minutes(-minutesAgo),
    sentiment: { label: sentiment, score: sentiment === 'negative' ? -0.8 : 0.1 },
    urgency: sentiment === 'negative' ? 80 : 20,
  };
}

function caseRecord(id: string, fields: Record<string, unknown>) {
  const openedAt = minutes(-180);
  return {
    id,
    contactId: null,
    topic: 'general',
    subject: id,
    status: 'open',
    priority: 'normal',
    owner: null,
    queue: 'care',
    slaDueAt: null,
    openedAt,
    updatedAt: openedAt,
    resolvedAt: null,
    escalationLevel: 0,
    skills: [],
    mentionIds: [],
    mentions: [],
    history: [
      { at: openedAt, by: 'workflow:wf-care/open', action: 'opened', reason: 'new mention', key: 'k1' },
    ],
    external: {},
    ...fields,
  };
}

const refund = caseRecord('cs_refund', {
  contactId: 'ct_wang',
  topic: 'refund',
  subject: '退款两周还没到账',
  priority: 'urgent',
  owner: 'ana',
  slaDueAt: minutes(-45),
  mentionIds: ['weibo:m1', 'weibo:m2'],
  mentions: [
    mention('m1', '申请退款两周了还没到账，客服也不回复。', 'negative', 200),
    mention('m2', '@品牌客服 再问一次：退款到底什么时候到？', 'negative', 120),
  ],
  history: [
    { at: minutes(-180), by: 'workflow:wf-care/open', action: 'opened', reason: 'new mention', key: 'k1' },
    {
      at: minutes(-179),
      by: 'workflow:wf-care/assign',
      action: 'assigned',
      reason: 'round robin: ana is first in turn',
      changes: { owner: { from: null, to: 'ana' }, slaDueAt: { from: null, to: minutes(-45) } },
      key: 'k2',
    },
  ],
});
const cases = [
  refund,
  caseRecord('cs_delivery', {
    topic: 'delivery',
    subject: 'Parcel stuck in customs',
    priority: 'high',
    slaDueAt: minutes(130),
  }),
  caseRecord('cs_soon', {
    topic: 'billing',
    subject: 'Charged twice for one order',
    owner: 'ben',
    slaDueAt: minutes(20),
  }),
  caseRecord('cs_praise', {
    topic: 'praise',
    subject: 'Loves the new app',
    status: 'pending',
    priority: 'low',
    owner: 'ben',
  }),
];

const reportHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weekly share of voice</title>
<style>body{font-family:system-ui,sans-serif;margin:32px;color:#1f2430}h1{color:#1d4ed8;margin:0 0 4px}
.kpis{display:flex;gap:16px;margin:20px 0}.kpi{border:1px solid #dde1e6;border-radius:8px;padding:12px 16px}
.kpi b{display:block;font-size:24px}</style></head><body>
<h1>Weekly share of voice</h1><p>3 – 9 March 2025</p>
<div class="kpis"><div class="kpi"><b>1,284</b>mentions</div><div class="kpi"><b>38%</b>share of voice</div>
<div class="kpi"><b>12%</b>negative</div></div>
<svg width="360" height="120" role="img" aria-label="mentions per day">
<rect x="0" y="60" width="40" height="60" fill="#1d4ed8"/><rect x="50" y="30" width="40" height="90" fill="#1d4ed8"/>
<rect x="100" y="45" width="40" height="75" fill="#1d4ed8"/><rect x="150" y="10" width="40" height="110" fill="#1d4ed8"/>
<rect x="200" y="50" width="40" height="70" fill="#1d4ed8"/></svg></body></html>`;

const report = {
  id: 'rp_weekly',
  title: 'Weekly share of voice',
  html: reportHtml,
  createdAt: '2025-03-10T01:00:00.000Z',
  period: { since: '2025-03-03T00:00:00.000Z', until: '2025-03-10T00:00:00.000Z' },
  summary: 'Mentions 1,284 (+12%); share of voice 38%; negative 12%.',
  language: 'en',
};

interface StoredRecord {
  data: {
    owner: string | null;
    status: string;
    resolvedAt: string | null;
    ownerId?: string;
    history: { by: string; action: string; reason?: string; changes?: Record<string, unknown> }[];
  };
}

describe.skipIf(browserMissing)('the Inbox and Reports pages', () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  const record = (collection: string, key: string) =>
    `${session.serverUrl}/api/v1/collections/${collection}/records/${encodeURIComponent(key)}`;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'inbox-and-reports');
    const seeds: [string, { id: string }][] = [
      ...team.members.map((m): [string, { id: string }] => ['members', m]),
      ...team.queues.map((q): [string, { id: string }] => ['queues', q]),
      ['contacts', contact],
      ...cases.map((c): [string, { id: string }] => ['cases', c]),
      ['reports', report],
    ];
    for (const [collection, data] of seeds) await callApi(record(collection, data.id), 'PUT', data);
  });
  afterAll(() => session?.close());

  it('lists open cases with the overdue one first', async () => {
    await page.goto(session.serverUrl);
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-page').waitFor();
    await page.getByTestId('case-row-cs_refund').waitFor();
    const rows = await page
      .locator('[data-testid^="case-row-cs_"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('data-testid')));
    expect(rows).toEqual(['case-row-cs_refund', 'case-row-cs_soon', 'case-row-cs_delivery']);
    expect(await page.getByTestId('case-row-cs_refund').locator('[data-sla]').getAttribute('data-sla')).toBe(
      'overdue',
    );
    await shot('inbox-open-cases');
  });

  it('shows a case with its mention thread, contact and history', async () => {
    await page.getByTestId('case-row-cs_refund').click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    await page.getByTestId('case-mention-m2').waitFor();
    expect(await page.getByTestId('case-contact').textContent()).toContain('wang@example.com');
    expect(await page.getByTestId('case-history').textContent()).toContain(
      'round robin: ana is first in turn',
    );
    await shot('case-detail');
  });

  it('reassigns the case and records who did it and why', async () => {
    expect(await page.getByTestId('case-reassign').isDisabled()).toBe(true);
    await page.getByTestId('inbox-actor').fill('olga');
    await page.getByTestId('case-owner').selectOption('ben');
    await page.getByTestId('case-note').fill('Ben handles refunds this week');
    await page.getByTestId('case-reassign').click();
    await expect.poll(() => page.getByTestId('case-assignee').textContent()).toContain('Ben Wu');
    await expect.poll(() => page.getByTestId('case-row-cs_refund').textContent()).toContain('Ben Wu');
    await shot('case-reassigned');
  });

  it('resolves the case, keeping the owner, status and history in the stored record', async () => {
    await page.getByTestId('case-status-resolve').click();
    await expect.poll(() => page.getByTestId('case-detail').getAttribute('data-status')).toBe('resolved');
    await expect.poll(() => page.getByTestId('case-row-cs_refund').count()).toBe(0);
    await shot('case-resolved');

    const stored = await callApi<StoredRecord>(record('cases', 'cs_refund'), 'GET');
    expect(stored.data).toMatchObject({ owner: 'ben', status: 'resolved' });
    expect(stored.data.resolvedAt).toEqual(expect.any(String));
    expect(stored.data.history.slice(0, 2).map((entry) => entry.action)).toEqual(['opened', 'assigned']);
    expect(stored.data.history.slice(2)).toEqual([
      {
        at: expect.any(String),
        by: 'user:olga',
        action: 'reassigned',
        reason: 'Ben handles refunds this week',
        changes: { owner: { from: 'ana', to: 'ben' } },
      },
      {
        at: expect.any(String),
        by: 'user:olga',
        action: 'resolved',
        reason: 'resolved',
        changes: {
          status: { from: 'open', to: 'resolved' },
          resolvedAt: { from: null, to: stored.data.resolvedAt },
        },
      },
    ]);
    const sticky = await callApi<StoredRecord>(record('contacts', 'ct_wang'), 'GET');
    expect(sticky.data.ownerId).toBe('ben');
  });

  it('finds resolved cases under the resolved filter', async () => {
    await page.getByTestId('case-filter-status-resolved').click();
    await page.getByTestId('case-row-cs_refund').waitFor();
    expect(await page.getByTestId('case-row-cs_refund').locator('[data-sla]').getAttribute('data-sla')).toBe(
      'missed',
    );
    await shot('resolved-filter');
  });

  it('opens a stored report in a sandboxed frame', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-page').waitFor();
    await page.getByTestId('report-row-rp_weekly').click();
    const frame = page.getByTestId('report-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const heading = page.frameLocator('[data-testid="report-frame"]').locator('h1');
    expect(await heading.textContent()).toBe('Weekly share of voice');
    await shot('report-open');
  });

  it('downloads the report as a PDF', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('report-pdf').click();
    expect((await download).suggestedFilename()).toBe('rp_weekly.pdf');
  });

  it('shows the Inbox in Chinese', async () => {
    await page.getByTestId('language-switcher').selectOption('zh-Hans');
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('case-row-cs_delivery').click();
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('nav-inbox').textContent()).toBe('收件箱');
    await shot('inbox-chinese');
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
