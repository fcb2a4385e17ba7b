import { describe, expect, it } from 'vitest';
import { runHostNode } from './host-harness.test-support.js';
import { waitNode } from './wait.js';

describe('core/wait', () => {
  it.each([
    [250, 'ms', 250],
    [1.5, 'seconds', 1500],
    [2, 'minutes', 120_000],
    [1, 'hours', 3_600_000],
  ])('sleeps %s %s through the host, then passes the items on', async (amount, unit, ms) => {
    const result = await runHostNode(waitNode, { params: { amount, unit }, input: [{ id: 1 }] });
    expect(result.host.sleeps).toEqual([ms]);
    expect(result.output.main).toEqual([{ id: 1 }]);
  });

  it('fails when the host cuts the sleep short', async () => {
    const cancelled = new Error('cancelled');
    await expect(runHostNode(waitNode, { input: [{}], sleep: () => Promise.reject(cancelled) })).rejects.toBe(
      cancelled,
    );
  });

  it('rejects negative amounts', async () => {
    await expect(runHostNode(waitNode, { params: { amount: -1 } })).rejects.toThrow();
  });
});
