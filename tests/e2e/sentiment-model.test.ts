import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser.js';
import { openNode } from './editor-actions.js';
import { scenarioOnWorkflow } from './editor-scenario.js';
import { afterManualTrigger, callApi, getWorkflow, postWorkflow } from './workflow-api.js';

describe.skipIf(browserMissing)("picking a trained model in the sentiment node's form", () => {
  const editor = scenarioOnWorkflow('sentiment-model', () =>
    afterManualTrigger('Score with our model', {
      id: 'feel',
      type: 'scoring/sentiment@1',
      name: 'Feel',
      params: {},
    }),
  );

  it('offers the models trained in the workspace, and the run scores with the one picked', async () => {
    const { page, session, shot, workflowId } = editor;
    const training = await postWorkflow(
      session.serverUrl,
      afterManualTrigger('Train', {
        id: 'train',
        type: 'scoring/train-sentiment@1',
        params: { model: 'care-team' },
      }),
    );
    const items = [
      { text: '客服秒回，问题当场解决', label: 'positive' },
      { text: '客服秒回，态度很好', label: 'positive' },
      { text: '工单拖了一周没人管', label: 'negative' },
      { text: '工单没人管，电话也不接', label: 'negative' },
    ];
    const trained = await callApi<{ status: string }>(
      `${session.serverUrl}/api/v1/workflows/${training}/run`,
      'POST',
      {
        items,
      },
    );
    expect(trained.status).toBe('succeeded');

    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await openNode(page, 'feel');
    const offered = page.getByTestId('field-input-model-keys').locator('option');
    await expect
      .poll(() => offered.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(['care-team']);
    await page.getByTestId('field-input-model').fill('care-team');
    await shot('model-picked');
    await page.getByTestId('toolbar-save').click();
    await expect.poll(() => page.getByTestId('workflow-version').textContent()).toBe('v2');
    const run = await callApi<{ status: string; output: { main: { sentiment: unknown }[] } }>(
      `${session.serverUrl}/api/v1/workflows/${workflowId}/run`,
      'POST',
      { items: [{ id: '1', text: '工单没人管', lang: 'zh-Hans' }] },
    );
    const saved = await getWorkflow(session.serverUrl, workflowId);
    expect(saved.nodes.find((node) => node.id === 'feel')?.params).toEqual({ model: 'care-team' });
    // The node loads the model by name and fails the step when there is none of that name.
    expect(run.status).toBe('succeeded');
    expect(run.output.main[0]?.sentiment).toMatchObject({ label: 'negative' });
  });

  it('logs no console errors', () => {
    expect(editor.session.errors).toEqual([]);
  });
});
