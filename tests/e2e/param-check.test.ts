import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { openNode } from './editor-actions.js';
import { afterManualTrigger, postWorkflow } from './workflow-api.js';

describe.skipIf(browserMissing)("a plugin node's params check while editing", () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let workflowId: string;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'param-check');
    workflowId = await postWorkflow(
      session.serverUrl,
      afterManualTrigger('Monitor being edited', {
        id: 'watch',
        type: 'listening/monitor@1',
        name: 'Watch',
        params: { query: '退款 OR refund' },
      }),
    );
  });
  afterAll(() => session?.close());

  it('shows a query error under the field with a caret at its column, and clears it once fixed', async () => {
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await openNode(page, 'watch');
    const input = page.getByTestId('field-input-query');
    await input.fill('(退款 OR refund AND followers:>>5');
    const pointer = page.getByTestId('field-error-pointer-query');
    await pointer.waitFor();
    expect(await page.getByTestId('field-error-query').textContent()).toContain('(column 19)');
    expect(await pointer.textContent()).toBe(
      `(退款 OR refund AND followers:>>5\n \u3000\u3000${' '.repeat(15)}^`,
    );
    expect(await page.getByTestId('node-problems-watch').getAttribute('title')).toContain('followers:');
    await shot('query-error');

    await input.fill('(退款 OR refund) AND followers:>5');
    await expect.poll(() => page.getByTestId('field-error-query').count()).toBe(0);
    expect(await page.getByTestId('node-problems-watch').count()).toBe(0);
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
