import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser.js';
import { openNode } from './editor-actions.js';
import { scenarioOnWorkflow } from './editor-scenario.js';
import { afterManualTrigger } from './workflow-api.js';

describe.skipIf(browserMissing)("a plugin node's params check while editing", () => {
  const editor = scenarioOnWorkflow('param-check', () =>
    afterManualTrigger('Monitor being edited', {
      id: 'watch',
      type: 'listening/monitor@1',
      name: 'Watch',
      params: { query: '退款 OR refund' },
    }),
  );

  it('shows a query error under the field with a caret at its column, and clears it once fixed', async () => {
    const { page, session, shot, workflowId } = editor;
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
    expect(editor.session.errors).toEqual([]);
  });
});
