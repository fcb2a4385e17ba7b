import type { Locator, Page } from 'playwright-core';

/** What a user does in the editor, in the words of the UI, so scenarios read as steps. */

const nodeViews = '.react-flow__node [data-node-type]';

async function nodeIds(page: Page): Promise<string[]> {
  return page
    .locator(nodeViews)
    .evaluateAll((views) =>
      views.map((view) => (view.getAttribute('data-testid') ?? '').replace(/^node-/, '')),
    );
}

export function canvasNodes(page: Page): Locator {
  return page.locator(nodeViews);
}

/** Creates an empty workflow from the list page and waits for its canvas. */
export async function createWorkflow(page: Page): Promise<string> {
  await page.getByTestId('workflows-page').waitFor();
  await page.getByTestId('workflow-create').click();
  const editor = page.getByTestId('editor-page');
  await editor.waitFor();
  await page.getByTestId('palette-item-core/webhook@1').waitFor();
  return (await editor.getAttribute('data-workflow-id')) ?? '';
}

/** Drags a node type from the palette onto the canvas at a point of the canvas; returns its id. */
export async function dropFromPalette(page: Page, type: string, at: { x: number; y: number }) {
  const before = new Set(await nodeIds(page));
  await page.getByTestId(`palette-item-${type}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
  await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length > count, [
    nodeViews,
    before.size,
  ] as const);
  const id = (await nodeIds(page)).find((candidate) => !before.has(candidate));
  if (!id) throw new Error(`dropping ${type} added no node`);
  return id;
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from an output handle to an input handle, as a user joins two ports. */
export async function connect(page: Page, from: string, fromPort: string, to: string, toPort = 'main') {
  const start = await centre(page.getByTestId(`handle-${from}-out-${fromPort}`));
  const end = await centre(page.getByTestId(`handle-${to}-in-${toPort}`));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

export function edgeCount(page: Page): Promise<number> {
  return page.locator('.react-flow__edge').count();
}

/** Opens a node's form in the side panel. */
export async function openNode(page: Page, id: string) {
  await page.getByTestId(`node-${id}`).click();
  await page.locator(`[data-testid="node-panel"][data-node-id="${id}"]`).waitFor();
}

/** Switches a form field to an expression and types it into the expression editor. */
export async function typeExpression(page: Page, path: string, expression: string) {
  await page.getByTestId(`field-expr-toggle-${path}`).click();
  await retypeExpression(page, path, expression);
}

/** Replaces what the expression editor of a field already in expression mode holds. */
export async function retypeExpression(page: Page, path: string, expression: string) {
  const editor = page.getByTestId(`field-expr-${path}`).locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await editor.pressSequentially(expression);
}

/**
 * Drags an element by an offset with intermediate moves, as xyflow's pointer handling needs;
 * from its centre, or from `at` within it.
 */
export async function dragBy(
  page: Page,
  locator: Locator,
  dx: number,
  dy: number,
  at?: { x: number; y: number },
) {
  const box = at ? await locator.boundingBox() : undefined;
  const start = box && at ? { x: box.x + at.x, y: box.y + at.y } : await centre(locator);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx / 2, start.y + dy / 2, { steps: 5 });
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 5 });
  await page.mouse.up();
}
