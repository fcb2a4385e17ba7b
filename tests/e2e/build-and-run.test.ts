import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import {
  connect,
  createWorkflow,
  dropFromPalette,
  edgeCount,
  openNode,
  typeExpression,
} from './editor-actions.js';

const sample = [
  { text: 'love the new phone', author: 'ana', followers: 5200 },
  { text: 'meh', author: 'bo', followers: 12 },
];

describe.skipIf(browserMissing)('a new user builds, saves and runs a workflow in the editor', () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  const id = { webhook: '', set: '', if: '', respond: '' };

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'build-and-run');
    await page.goto(session.serverUrl);
  });
  afterAll(() => session?.close());

  it('drags webhook, set, if and respond from the palette and joins their ports', async () => {
    await shot('workflows-list');
    await createWorkflow(page);
    await shot('empty-canvas');
    id.webhook = await dropFromPalette(page, 'core/webhook@1', { x: 100, y: 300 });
    id.set = await dropFromPalette(page, 'core/set@1', { x: 330, y: 300 });
    id.if = await dropFromPalette(page, 'core/if@1', { x: 560, y: 300 });
    id.respond = await dropFromPalette(page, 'core/respond@1', { x: 700, y: 190 });
    await shot('four-nodes-dropped');

    await connect(page, id.webhook, 'main', id.set);
    await connect(page, id.set, 'main', id.if);
    await connect(page, id.if, 'true', id.respond);
    expect(await edgeCount(page)).toBe(3);
    await shot('ports-connected');
  });

  it('configures each node through its form, previewing an expression on the sample', async () => {
    await page.getByTestId('side-tab-run').click();
    await page.getByTestId('run-input').fill(JSON.stringify(sample, null, 2));

    await openNode(page, id.webhook);
    await page.getByTestId('field-input-path').fill('mentions/new');
    await page.getByTestId('field-input-responseMode').selectOption('respondNode');
    await shot('webhook-form');

    await openNode(page, id.set);
    await page.getByTestId('field-add-fields').click();
    await page.getByTestId('field-key-fields.0').fill('shout');
    await typeExpression(page, 'fields.shout', '{{ $json.text.toUpperCase() }}');
    const preview = page.getByTestId('field-expr-fields.shout-preview');
    await expect.poll(() => preview.textContent()).toContain('LOVE THE NEW PHONE');
    await page.getByTestId('field-add-fields').click();
    await page.getByTestId('field-key-fields.1').fill('size');
    await typeExpression(page, 'fields.size', '{{ $input.item.json.text.length }}');
    await expect.poll(() => page.getByTestId('field-expr-fields.size-preview').textContent()).toContain('18');
    await shot('set-form-with-expression');

    await openNode(page, id.if);
    await typeExpression(page, 'condition', '{{ $json.followers > 1000 }}');
    await expect.poll(() => page.getByTestId('field-expr-condition-preview').textContent()).toContain('true');
    await shot('if-form-with-expression');

    await openNode(page, id.respond);
    await page.getByTestId('field-input-status').fill('202');
    await shot('respond-form');
    await expect.poll(() => page.getByTestId('side-tab-problems').textContent()).not.toMatch(/\(\d+\)/);
  });

  it('saves the workflow as a new version', async () => {
    await page.getByTestId('toolbar-save').click();
    await expect.poll(() => page.getByTestId('workflow-version').textContent()).toBe('v2');
    expect(await page.getByTestId('workflow-dirty').count()).toBe(0);
    await shot('saved');
  });

  it("runs it on the sample input and shows each node's status and item counts", async () => {
    await page.getByTestId('side-tab-run').click();
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => page.getByTestId('run-status').textContent(), { timeout: 20_000 })
      .toMatch(/succeeded/i);
    for (const node of Object.values(id)) {
      await expect.poll(() => page.getByTestId(`node-status-${node}`).textContent()).toMatch(/succeeded/i);
    }
    expect(await page.getByTestId(`node-count-${id.set}-main`).textContent()).toContain('2');
    expect(await page.getByTestId(`node-count-${id.if}-true`).textContent()).toContain('1');
    expect(await page.getByTestId(`node-count-${id.if}-false`).textContent()).toContain('1');
    await shot('run-succeeded');
  });

  it('shows the output of every node as a table and as JSON', async () => {
    const expected: Record<string, { port: string; texts: string[] }> = {
      [id.webhook]: { port: 'main', texts: ['love the new phone', 'meh'] },
      [id.set]: { port: 'main', texts: ['LOVE THE NEW PHONE', 'MEH'] },
      [id.if]: { port: 'true', texts: ['LOVE THE NEW PHONE'] },
      [id.respond]: { port: 'main', texts: ['LOVE THE NEW PHONE'] },
    };
    for (const [name, node] of Object.entries(id)) {
      const { port, texts } = expected[node] ?? { port: 'main', texts: [] };
      await openNode(page, node);
      await page.getByTestId('node-detail').waitFor();
      const output = page.getByTestId(`node-output-${port}`);
      await output.getByTestId(`node-output-${port}-table-tab`).click();
      const table = await page.getByTestId(`node-output-${port}-table`).textContent();
      for (const text of texts) expect(table).toContain(text);
      await shot(`${name}-output-table`);
      await output.getByTestId(`node-output-${port}-json-tab`).click();
      const json = JSON.parse((await page.getByTestId(`node-output-${port}-json`).textContent()) ?? '[]');
      expect(json).toHaveLength(texts.length);
      await shot(`${name}-output-json`);
    }
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
