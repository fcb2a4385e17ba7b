import { describe, expect, it } from 'vitest';
import { RunQueue } from './run-queue.js';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('RunQueue', () => {
  it('runs no more tasks at once than it has workers', async () => {
    const queue = new RunQueue({ workers: 2 });
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => queue.push(`w${i}`, undefined, task)));
    expect(most).toBe(2);
  });

  it('holds a workflow to its own concurrency limit while others go ahead', async () => {
    const queue = new RunQueue({ workers: 4 });
    const first = gate();
    const order: string[] = [];
    const a1 = queue.push('a', 1, async () => {
      order.push('a1');
      await first.opened;
    });
    const a2 = queue.push('a', 1, async () => void order.push('a2'));
    const b1 = queue.push('b', 1, async () => void order.push('b1'));
    await b1;
    expect(order).toEqual(['a1', 'b1']);
    first.open();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['a1', 'b1', 'a2']);
  });

  it('passes a failing task its error and keeps serving', async () => {
    const queue = new RunQueue({ workers: 1 });
    await expect(queue.push('a', undefined, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(queue.push('a', undefined, async () => 7)).resolves.toBe(7);
    await queue.onIdle();
    expect(queue.active).toBe(0);
  });
});
