import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { openNode } from './editor-actions.js';
import { postWorkflow } from './workflow-api.js';

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe.skipIf(browserMissing)('switching the interface language', () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'languages');
    const id = await postWorkflow(session.serverUrl, {
      name: '口碑监测',
      nodes: [
        { id: 'hook', type: 'core/webhook@1', params: { path: 'weibo' }, position: { x: 0, y: 0 } },
        { id: 'check', type: 'core/if@1', params: {}, position: { x: 260, y: 0 } },
      ],
      edges: [{ source: 'hook', sourcePort: 'main', target: 'check', targetPort: 'main' }],
    });
    await page.goto(`${session.serverUrl}/#/workflows/${id}`);
    await page.getByTestId('node-check').waitFor();
    await openNode(page, 'check');
    await shot('english');
  });
  afterAll(() => session?.close());

  it('shows the editor in English for an English browser', async () => {
    expect(await text(page, 'toolbar-save')).toBe('Save');
    expect(await text(page, 'palette-item-core/webhook@1')).toContain('Webhook');
  });

  it('changes menus, node titles, forms and port labels to 简体中文', async () => {
    await page.getByTestId('language-switcher').selectOption('zh-Hans');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await text(page, 'toolbar-save')).toBe('保存');
    expect(await text(page, 'toolbar-undo')).toBe('撤销');
    expect(await text(page, 'side-tab-run')).toBe('运行');
    expect(await text(page, 'node-tab-params')).toBe('参数');
    expect(await text(page, 'palette-item-core/webhook@1')).toContain('Webhook 触发');
    expect(await text(page, 'node-hook')).toContain('Webhook 触发');
    expect(await text(page, 'node-check')).toContain('真');
    expect(await page.title()).toBe('SBSS 工作流');
    await shot('simplified-chinese');
  });

  it('finds nodes by their Chinese title in the palette', async () => {
    await page.getByTestId('palette-search').fill('条件');
    await expect.poll(() => page.getByTestId('palette-item-core/webhook@1').count()).toBe(0);
    expect(await page.getByTestId('palette-item-core/if@1').count()).toBe(1);
    await shot('palette-search-chinese');
    await page.getByTestId('palette-search').fill('');
  });

  it('keeps the chosen language after a reload', async () => {
    await page.reload();
    await page.getByTestId('toolbar-save').waitFor();
    expect(await text(page, 'toolbar-save')).toBe('保存');
    await page.getByTestId('nav-workflows').click();
    // The list loads after the page shows; wait for its rows rather than reading the spinner.
    await page.getByTestId('workflows-page').getByText('口碑监测').first().waitFor();
    expect(await page.getByTestId('workflows-page').textContent()).toContain('口碑监测');
    await shot('workflows-list-chinese');
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
