import { describe, expect, it } from 'vitest';
import { withinLimits } from './attempt-limits.js';
import type { Clock } from './ports.js';

/** A clock whose sleeps end only when the test says so. */
function heldClock() {
  const sleeps: { ms: number; signal: AbortSignal | undefined; end: () => void }[] = [];
  const clock: Clock = {
    now: () => new Date(0),
    sleep: (ms, signal) => new Promise<void>((end) => void sleeps.push({ ms, signal, end })),
  };
  return { clock, sleeps };
}

const never = () => new Promise<never>(() => {});

describe('withinLimits', () => {
  it('cuts off an attempt that ignores its signal once the timeout passes', async () => {
    const { clock, sleeps } = heldClock();
    let seen: AbortSignal | undefined;
    const running = withinLimits(
      clock,
      { nodeId: 'n', timeoutMs: 30, signal: new AbortController().signal },
      (s) => {
        seen = s;
        return never();
      },
    );
    expect(sleeps.map((sleep) => sleep.ms)).toEqual([30]);
    sleeps[0]?.end();
    await expect(running).rejects.toMatchObject({ code: 'NODE_TIMEOUT' });
    expect(seen?.aborted).toBe(true);
  });

  it('stops the timer when the attempt finishes first', async () => {
    const { clock, sleeps } = heldClock();
    const result = await withinLimits(
      clock,
      { nodeId: 'n', timeoutMs: 30, signal: new AbortController().signal },
      async () => 'done',
    );
    expect(result).toBe('done');
    expect(sleeps[0]?.signal?.aborted).toBe(true);
  });

  it('ends a running attempt with EXECUTION_CANCELLED when the execution is cancelled', async () => {
    const { clock } = heldClock();
    const execution = new AbortController();
    let seen: AbortSignal | undefined;
    const running = withinLimits(clock, { nodeId: 'n', timeoutMs: 1000, signal: execution.signal }, (s) => {
      seen = s;
      return never();
    });
    execution.abort();
    await expect(running).rejects.toMatchObject({ code: 'EXECUTION_CANCELLED' });
    expect(seen?.aborted).toBe(true);
  });

  it('does not start an attempt once the execution is cancelled', async () => {
    const { clock } = heldClock();
    let started = false;
    const attempt = async () => {
      started = true;
    };
    await expect(
      withinLimits(clock, { nodeId: 'n', signal: AbortSignal.abort() }, attempt),
    ).rejects.toMatchObject({
      code: 'EXECUTION_CANCELLED',
    });
    expect(started).toBe(false);
  });
});
