import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { openNode, retypeExpression, typeExpression } from './editor-actions.js';
import { callApi, postWorkflow } from './workflow-api.js';

// Keeps the mentions of authors with a following, newest first, as quotes: n8n's pairedItem says
// which mention each quote came from.
const pick = `return $input.all()
  .map((item, index) => ({ item, index }))
  .filter(({ item }) => item.json.followers > 100)
  .reverse()
  .map(({ item, index }) => ({ json: { quote: item.json.text }, pairedItem: index }));`;

const workflow = {
  name: 'Quotes',
  nodes: [
    {
      id: 'hook',
      type: 'core/webhook@1',
      name: 'Mentions',
      params: { path: 'quotes' },
      position: { x: 0, y: 0 },
    },
    { id: 'pick', type: 'core/code@1', name: 'Pick', params: { code: pick }, position: { x: 260, y: 0 } },
    {
      id: 'reply',
      type: 'core/set@1',
      name: 'Reply',
      params: { fields: { who: '' } },
      position: { x: 520, y: 0 },
    },
  ],
  edges: [
    { source: 'hook', sourcePort: 'main', target: 'pick', targetPort: 'main' },
    { source: 'pick', sourcePort: 'main', target: 'reply', targetPort: 'main' },
  ],
};

describe.skipIf(browserMissing)("previewing n8n's expressions on a past run", () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let workflowId: string;
  let runId: string;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'n8n-expression-preview');
    workflowId = await postWorkflow(session.serverUrl, workflow);
    const run = await callApi<{ executionId: string }>(
      `${session.serverUrl}/api/v1/workflows/${workflowId}/run`,
      'POST',
      {
        items: [
          { text: 'love the new phone', author: 'ana', followers: 5200 },
          { text: 'meh', author: 'bo', followers: 12 },
          { text: 'broken again', author: 'cy', followers: 900 },
        ],
        wait: true,
      },
    );
    runId = run.executionId;
  });
  afterAll(() => session?.close());
  const preview = () => page.getByTestId('field-expr-fields.who-preview').textContent();

  it('shows the mention the sample item was made from, as the run gave it', async () => {
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await page.getByTestId('node-reply').waitFor();
    await page.getByTestId('side-tab-executions').click();
    await page.getByTestId(`execution-row-${runId}`).click();
    await expect.poll(() => page.getByTestId('node-status-reply').textContent()).toMatch(/succeeded/i);

    await openNode(page, 'reply');
    // A node that ran opens on what it did; its form is a tab away.
    await page.getByTestId('node-tab-params').click();
    await typeExpression(page, 'fields.who', '{{ $("Mentions").item.json.author }}: {{ $json.quote }}');
    await expect.poll(preview).toContain('cy: broken again');
    await shot('traced-item-preview');
  });

  it("previews Luxon's DateTime in UTC, or in the zone asked for", async () => {
    await retypeExpression(
      page,
      'fields.who',
      "{{ DateTime.fromISO('2024-01-31T20:00:00Z').plus({ days: 1 }).setZone('Asia/Shanghai').toFormat('yyyy-LL-dd HH:mm') }}",
    );
    await expect.poll(preview).toContain('2024-02-02 04:00');
    await shot('luxon-preview');
  });

  it("previews on the server what the editor cannot: arrow functions, the helpers, n8n's functions", async () => {
    await retypeExpression(
      page,
      'fields.who',
      "{{ $json.quote.split(' ').map((word) => word[0].toUpperCase()).join('') }} {{ $str.truncate($json.quote, 6) }} {{ $json.quote.toTitleCase() }}",
    );
    await expect.poll(preview).toContain('BA broke… Broken Again');
    await shot('server-preview');
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
