import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser.js';
import { canvasNodes, dragBy } from './editor-actions.js';
import { scenarioOnWorkflow } from './editor-scenario.js';
import { generatedWorkflow } from './generated-workflow.js';

const size = 300;
/** Far above what a user would accept: this checks it works, the benchmark measures how fast. */
const generous = { timeout: 20_000 };

const viewportTransform = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((element) => getComputedStyle(element).transform);

describe.skipIf(browserMissing)('a 300-node workflow', () => {
  const editor = scenarioOnWorkflow('large-workflow', () => generatedWorkflow(size));

  it('opens with every node on the canvas', async () => {
    const { page, session, shot, workflowId } = editor;
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await expect.poll(() => canvasNodes(page).count(), generous).toBe(size);
    await shot('opened');
  });

  it('opens the form of a clicked node', async () => {
    const { page, shot } = editor;
    await page.getByTestId('node-n151').click(generous);
    await page.locator('[data-testid="node-panel"][data-node-id="n151"]').waitFor(generous);
    expect(await page.getByTestId('node-name').inputValue()).toBe('Score 151');
    await shot('node-clicked');
  });

  it('pans when the canvas is dragged and zooms on the mouse wheel', async () => {
    const { page, shot } = editor;
    const start = await viewportTransform(page);
    // From the empty band above the fitted grid, so the drag moves the view rather than a node.
    await dragBy(page, page.locator('.react-flow__pane'), 200, 120, { x: 300, y: 30 });
    await expect.poll(() => viewportTransform(page), generous).not.toBe(start);
    const panned = await viewportTransform(page);
    await page.mouse.move(600, 450);
    await page.mouse.wheel(0, -600);
    await expect.poll(() => viewportTransform(page), generous).not.toBe(panned);
    await shot('panned-and-zoomed');
  });

  it('logs no console errors', () => {
    expect(editor.session.errors).toEqual([]);
  });
});
