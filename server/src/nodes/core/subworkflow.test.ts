import { describe, expect, it } from 'vitest';
import { runHostNode } from './host-harness.test-support.js';
import { subworkflowNode } from './subworkflow.js';

const scored = async (_id: string, items: Record<string, unknown>[]) => ({
  main: items.map((item) => ({ ...item, scored: true })),
  other: [{ ignored: true }],
});

describe('core/subworkflow', () => {
  it('runs the workflow once with all items and emits its main output', async () => {
    const input = [{ id: 1 }, { id: 2 }];
    const result = await runHostNode(subworkflowNode, {
      params: { workflowId: 'wf-score' },
      input,
      runWorkflow: scored,
    });
    expect(result.host.workflows).toEqual([{ workflowId: 'wf-score', items: input }]);
    expect(result.output.main).toEqual([
      { id: 1, scored: true },
      { id: 2, scored: true },
    ]);
  });

  it('runs the workflow per item in order with mode each', async () => {
    const result = await runHostNode(subworkflowNode, {
      input: [
        { id: 1, route: 'wf-a' },
        { id: 2, route: 'wf-b' },
      ],
      params: { workflowId: 'wf-a', mode: 'each' },
      itemParams: (item) => ({ workflowId: item.route, mode: 'each' }),
      runWorkflow: scored,
    });
    expect(result.host.workflows.map((call) => call.workflowId)).toEqual(['wf-a', 'wf-b']);
    expect(result.output.main?.map((item) => item.id)).toEqual([1, 2]);
  });

  it('emits nothing when the workflow returns no main output', async () => {
    const result = await runHostNode(subworkflowNode, {
      params: { workflowId: 'wf-sink' },
      input: [{ id: 1 }],
      runWorkflow: async () => ({}),
    });
    expect(result.output.main).toEqual([]);
  });

  it('needs a workflow id', async () => {
    await expect(runHostNode(subworkflowNode, { input: [{}] })).rejects.toThrow();
  });
});
