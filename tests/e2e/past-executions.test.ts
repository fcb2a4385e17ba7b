import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { callApi, postWorkflow } from './workflow-api.js';

const hook = { id: 'hook', type: 'core/webhook@1', params: { path: 'reviews' }, position: { x: 0, y: 0 } };
const edge = (target: string) => ({ source: 'hook', sourcePort: 'main', target, targetPort: 'main' });
const firstVersion = {
  name: 'Reviews',
  nodes: [
    hook,
    {
      id: 'tag',
      type: 'core/set@1',
      name: 'Tag',
      params: { fields: { seen: true } },
      position: { x: 260, y: 0 },
    },
  ],
  edges: [edge('tag')],
};
const secondVersion = {
  name: 'Reviews',
  nodes: [
    hook,
    { id: 'cap', type: 'core/limit@1', name: 'Cap', params: { max: 1 }, position: { x: 260, y: 0 } },
  ],
  edges: [edge('cap')],
};

describe.skipIf(browserMissing)('opening a past execution', () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let workflowId: string;
  let oldRun: string;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'past-executions');
    workflowId = await postWorkflow(session.serverUrl, firstVersion);
    const run = await callApi<{ executionId: string }>(
      `${session.serverUrl}/api/v1/workflows/${workflowId}/run`,
      'POST',
      {
        items: [{ text: 'great service' }],
        wait: true,
      },
    );
    oldRun = run.executionId;
    await callApi(`${session.serverUrl}/api/v1/workflows/${workflowId}`, 'PUT', secondVersion);
  });
  afterAll(() => session?.close());

  it('paints a run of an older version on the graph of that version', async () => {
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await page.getByTestId('node-cap').waitFor();
    await page.getByTestId('side-tab-executions').click();
    await page.getByTestId(`execution-row-${oldRun}`).click();
    await page.getByTestId('version-banner').waitFor();
    expect(await page.getByTestId('version-banner').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('node-status-tag').textContent()).toMatch(/succeeded/i);
    expect(await page.getByTestId('node-cap').count()).toBe(0);
    await shot('old-run-on-old-graph');
  });

  it('returns to the current graph when the run is cleared', async () => {
    await page.getByTestId('execution-banner-clear').click();
    await page.getByTestId('node-cap').waitFor();
    expect(await page.getByTestId('version-banner').count()).toBe(0);
    expect(await page.getByTestId('node-tag').count()).toBe(0);
    await shot('back-to-current');
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
