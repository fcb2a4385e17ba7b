import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser.js';
import { openNode } from './editor-actions.js';
import { scenarioOnWorkflow } from './editor-scenario.js';

describe.skipIf(browserMissing)("a webhook trigger's URL in the editor", () => {
  const editor = scenarioOnWorkflow('webhook-url', () => ({
    name: 'Pushed mentions',
    nodes: [
      {
        id: 'intake',
        type: 'listening/intake@1',
        name: 'Intake',
        params: { path: '/brand/mentions', fields: { text: 'content', 'author.name': 'user' } },
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
  }));

  it('listens for one call to the test URL and shows the run it started, while the workflow is off', async () => {
    const { page, session, shot, workflowId } = editor;
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await openNode(page, 'intake');
    const testUrl = `${session.serverUrl}/hooks-test/brand/mentions`;
    expect(await page.getByTestId('webhook-test-url-text').textContent()).toBe(`POST ${testUrl}`);
    await page.getByTestId('webhook-listen').click();
    await page.getByTestId('webhook-listening').waitFor();
    await shot('listening');
    const call = () =>
      fetch(testUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content: '快递三天没动了', user: '小李' }),
      });
    // The listener is in place once the server has the editor's request.
    await expect.poll(async () => (await call()).status, { timeout: 10_000 }).toBe(200);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/executions/');
    await expect.poll(() => page.getByTestId('node-count-intake-main').textContent()).toContain('1');
    expect(await page.getByTestId('webhook-listen').isVisible()).toBe(true);
    expect((await call()).status).toBe(404);
    await shot('test-call-run');
  });

  it('shows the URL to call, copies it, and the URL answers once the workflow is active', async () => {
    const { page, session, shot, workflowId } = editor;
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await openNode(page, 'intake');
    const url = `${session.serverUrl}/hooks/brand/mentions`;
    expect(await page.getByTestId('webhook-url-text').textContent()).toBe(`POST ${url}`);
    expect(await page.getByTestId('webhook-url-state').textContent()).toContain('Activate');
    await page.getByTestId('webhook-url-copy').click();
    await expect.poll(() => page.getByTestId('webhook-url-copy').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    await page.getByTestId('workflow-active-toggle').click();
    await expect.poll(() => page.getByTestId('webhook-url-state').textContent()).toContain('active:');
    await shot('live');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: '客服终于回复了', user: '小李' }),
    });
    expect(response.status).toBe(200);
  });

  it('logs no console errors', () => {
    expect(editor.session.errors).toEqual([]);
  });
});
