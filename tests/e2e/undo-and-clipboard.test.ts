import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { canvasNodes, dragBy, dropFromPalette, edgeCount } from './editor-actions.js';
import { getWorkflow, postWorkflow } from './workflow-api.js';

const mentions = {
  name: 'Mentions',
  nodes: [
    {
      id: 'hook',
      type: 'core/webhook@1',
      name: 'Inbox',
      params: { path: 'mentions' },
      position: { x: 0, y: 0 },
    },
    {
      id: 'tag',
      type: 'core/set@1',
      name: 'Tag',
      params: { fields: { source: 'weibo', loud: '{{ $json.text.toUpperCase() }}' } },
      position: { x: 260, y: 0 },
    },
  ],
  edges: [{ source: 'hook', sourcePort: 'main', target: 'tag', targetPort: 'main' }],
};

describe.skipIf(browserMissing)('editing history and the clipboard', () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let workflowId: string;

  const nodeCount = () => canvasNodes(page).count();
  const press = async (keys: string) => {
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 40, y: 40 } });
    await page.keyboard.press(keys);
  };

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'undo-and-clipboard');
    workflowId = await postWorkflow(session.serverUrl, mentions);
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await page.getByTestId('node-tag').waitFor();
    await shot('opened');
  });
  afterAll(() => session?.close());

  it('undoes and redoes adding, moving and deleting nodes', async () => {
    await dropFromPalette(page, 'core/if@1', { x: 600, y: 500 });
    expect(await nodeCount()).toBe(3);
    await page.getByTestId('toolbar-undo').click();
    expect(await nodeCount()).toBe(2);
    await page.getByTestId('toolbar-redo').click();
    expect(await nodeCount()).toBe(3);
    await press('ControlOrMeta+Z');
    expect(await nodeCount()).toBe(2);

    const tag = page.getByTestId('node-tag');
    const before = await tag.boundingBox();
    await dragBy(page, tag, 0, 180);
    expect((await tag.boundingBox())?.y).not.toBe(before?.y);
    await page.getByTestId('toolbar-undo').click();
    expect((await tag.boundingBox())?.y).toBe(before?.y);

    await tag.click();
    await page.getByTestId('toolbar-delete').click();
    expect(await nodeCount()).toBe(1);
    expect(await edgeCount(page)).toBe(0);
    await shot('node-deleted');
    await page.getByTestId('toolbar-undo').click();
    expect(await nodeCount()).toBe(2);
    await expect.poll(() => edgeCount(page)).toBe(1);
    await press('ControlOrMeta+Shift+Z');
    expect(await nodeCount()).toBe(1);
    await press('ControlOrMeta+Z');
    expect(await nodeCount()).toBe(2);
    await shot('after-undo');
  });

  it('copies a selection as workflow JSON and pastes it back as equal nodes with fresh ids', async () => {
    await press('ControlOrMeta+A');
    await page.getByTestId('toolbar-copy').click();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['hook', 'tag']);
    expect(copied.edges).toHaveLength(1);

    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .hover({ position: { x: 200, y: 600 } });
    await page.getByTestId('toolbar-paste').click();
    await expect.poll(nodeCount).toBe(4);
    // React Flow draws an edge only once both its nodes have been measured.
    await expect.poll(() => edgeCount(page)).toBe(2);
    await shot('pasted');

    await page.getByTestId('toolbar-save').click();
    await expect.poll(() => page.getByTestId('workflow-dirty').count()).toBe(0);
    const saved = await getWorkflow(session.serverUrl, workflowId);
    const pasted = saved.nodes.filter((n) => n.id !== 'hook' && n.id !== 'tag');
    expect(pasted.map((n) => n.type).sort()).toEqual(['core/set@1', 'core/webhook@1']);
    expect(pasted.find((n) => n.type === 'core/set@1')?.params).toEqual(mentions.nodes[1]?.params);
    expect(new Set(saved.nodes.map((n) => n.name)).size).toBe(4);
    const [edge] = saved.edges.filter((e) => e.source !== 'hook');
    expect(pasted.map((n) => n.id).sort()).toEqual([edge?.source, edge?.target].sort());

    await page.getByTestId('toolbar-undo').click();
    expect(await nodeCount()).toBe(2);
  });

  it('pastes workflow JSON from outside the editor with the paste shortcut', async () => {
    const fromFile = JSON.stringify({
      nodes: [
        { id: 'x', type: 'core/limit@1', name: 'First ten', params: { max: 10 }, position: { x: 0, y: 0 } },
      ],
    });
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .hover({ position: { x: 300, y: 500 } });
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, fromFile);
    await expect.poll(nodeCount).toBe(3);
    expect(await page.locator('[data-node-name="First ten"]').count()).toBe(1);
    await shot('pasted-from-text');
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
