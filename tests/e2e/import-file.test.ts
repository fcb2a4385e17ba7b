import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser.js';
import { openNode } from './editor-actions.js';
import { scenarioOnWorkflow } from './editor-scenario.js';
import { afterManualTrigger } from './workflow-api.js';

const exampleData = (name: string) => fileURLToPath(new URL(`../../examples/data/${name}`, import.meta.url));
const workbook = exampleData('mentions.xlsx');

describe.skipIf(browserMissing)('importing an Excel export picked in the editor', () => {
  const editor = scenarioOnWorkflow('import-file', () =>
    afterManualTrigger('Excel export', {
      id: 'load',
      type: 'listening/import@1',
      name: 'Load export',
      params: { columns: JSON.parse(readFileSync(exampleData('export-columns.json'), 'utf8')) },
    }),
  );

  it('keeps the picked file in the node and reads its 20 mentions on a run with no sample input', async () => {
    const { page, session, shot, workflowId } = editor;
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await openNode(page, 'load');
    await page.getByTestId('field-input-file').setInputFiles(workbook);
    await expect
      .poll(() => page.getByTestId('field-input-file-loaded').textContent())
      .toContain('mentions.xlsx (8 KB)');
    await shot('file-picked');
    await page.getByTestId('toolbar-save').click();
    await expect.poll(() => page.getByTestId('workflow-version').textContent()).toBe('v2');

    await page.getByTestId('side-tab-run').click();
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => page.getByTestId('run-status').textContent(), { timeout: 20_000 })
      .toMatch(/succeeded/i);
    expect(await page.getByTestId('node-count-load-main').textContent()).toContain('20');
    await shot('imported');
  });

  it('logs no console errors', () => {
    expect(editor.session.errors).toEqual([]);
  });
});
