import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { limitNode } from './limit.js';

const input = [{ n: 1 }, { n: 2 }, { n: 3 }];

describe('core/limit', () => {
  it('keeps the first items', async () => {
    expect((await runNode(limitNode, { params: { maxItems: 2 }, input })).output.main).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
  });

  it('keeps the last items', async () => {
    const result = await runNode(limitNode, { params: { maxItems: 2, keep: 'last' }, input });
    expect(result.output.main).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('passes nothing with a limit of zero, whichever end is kept', async () => {
    expect((await runNode(limitNode, { params: { maxItems: 0, keep: 'last' }, input })).output.main).toEqual(
      [],
    );
  });

  it('passes everything when there are fewer items than the limit', async () => {
    expect((await runNode(limitNode, { params: { maxItems: 10 }, input })).output.main).toEqual(input);
  });

  it('rejects negative or fractional limits', async () => {
    await expect(runNode(limitNode, { params: { maxItems: -1 } })).rejects.toThrow();
    await expect(runNode(limitNode, { params: { maxItems: 1.5 } })).rejects.toThrow();
  });
});
