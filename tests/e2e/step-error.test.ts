import { beforeAll, describe, expect, it } from 'vitest';
import { browserMissing } from './browser.js';
import { scenarioOnWorkflow } from './editor-scenario.js';
import { afterManualTrigger, callApi } from './workflow-api.js';

const query = '(退款 OR 客服 AND followers:>>5';

describe.skipIf(browserMissing)('a failed step in the editor', () => {
  const editor = scenarioOnWorkflow('step-error', () =>
    afterManualTrigger('Bad monitor query', {
      id: 'watch',
      type: 'listening/monitor@1',
      name: 'Watch',
      params: { query },
    }),
  );
  let executionId: string;

  beforeAll(async () => {
    const { session, workflowId } = editor;
    const run = await callApi<{ executionId: string; status: string }>(
      `${session.serverUrl}/api/v1/workflows/${workflowId}/run`,
      'POST',
      { items: [{ id: '1', text: '退款' }] },
    );
    expect(run.status).toBe('failed');
    executionId = run.executionId;
  });

  it('shows a query error with a caret under the column it names, past Chinese characters', async () => {
    const { page, session, shot, workflowId } = editor;
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}/executions/${executionId}`);
    await page.getByTestId('node-watch').click();
    const pointer = page.getByTestId('node-detail-error-pointer');
    await pointer.waitFor();
    expect(await page.getByTestId('node-detail-error').textContent()).toContain('QUERY_INVALID');
    // Where the caret and the character at the column (19: the "f" of followers) are drawn.
    const [caret, target] = await pointer.evaluate((element) => {
      const text = element.firstChild as Text;
      const content = text.data;
      const x = (at: number) => {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        return range.getBoundingClientRect().left;
      };
      return [x(content.indexOf('^')), x(content.indexOf('followers'))];
    });
    expect(Math.abs(caret - target)).toBeLessThan(2);
    await shot('query-error-pointer');
  });

  it('logs no console errors', () => {
    expect(editor.session.errors).toEqual([]);
  });
});
