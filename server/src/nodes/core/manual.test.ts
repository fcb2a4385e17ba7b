import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { manualNode } from './manual.js';

describe('core/manual', () => {
  it('is a manual trigger with no inputs', () => {
    expect(manualNode.trigger).toBe('manual');
    expect(manualNode.inputs).toEqual({});
  });

  it('outputs the items it was given', async () => {
    const result = await runNode(manualNode, { input: [{ text: 'a' }, { text: 'b' }] });
    expect(result.output.main).toEqual([{ text: 'a' }, { text: 'b' }]);
  });

  it('outputs one empty item when started without items, so the nodes after it run', async () => {
    expect((await runNode(manualNode)).output.main).toEqual([{}]);
    expect((await runNode(manualNode, { input: [] })).output.main).toEqual([{}]);
  });
});
