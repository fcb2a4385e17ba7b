import { describe, expect, it } from 'vitest';
import { runHostNode } from './host-harness.test-support.js';
import { respondNode } from './respond.js';

describe('core/respond', () => {
  it('answers the webhook once with the items by default and passes them on', async () => {
    const input = [{ id: 1 }, { id: 2 }];
    const result = await runHostNode(respondNode, { input });
    expect(result.host.responses).toEqual([{ status: 200, headers: {}, body: input }]);
    expect(result.output.main).toEqual(input);
  });

  it('answers with the configured status, headers and body', async () => {
    const result = await runHostNode(respondNode, {
      input: [{ id: 1 }],
      params: { status: 201, headers: { 'x-case': 'c-1' }, body: { received: true } },
    });
    expect(result.host.responses).toEqual([
      { status: 201, headers: { 'x-case': 'c-1' }, body: { received: true } },
    ]);
  });

  it('can answer with an empty body', async () => {
    const result = await runHostNode(respondNode, {
      input: [{ id: 1 }],
      params: { status: 204, body: null },
    });
    expect(result.host.responses[0]).toMatchObject({ status: 204, body: null });
  });

  it('rejects statuses outside 100-599', async () => {
    await expect(runHostNode(respondNode, { params: { status: 42 } })).rejects.toThrow();
  });
});
