import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('oneAtATime', () => {
  it('runs tasks of one key in turn and tasks of other keys alongside', async () => {
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      oneAtATime('a', task('a1')),
      oneAtATime('a', task('a2')),
      oneAtATime('b', task('b1')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(events.indexOf('a2 start')).toBeGreaterThan(events.indexOf('a1 end'));
    expect(events.indexOf('b1 start')).toBeLessThan(events.indexOf('a1 end'));
  });

  it('goes on with the next task when one fails, and the failure reaches its own caller', async () => {
    const failed = oneAtATime('c', async () => {
      throw new Error('no owner');
    });
    const next = oneAtATime('c', async () => 'next');
    await expect(failed).rejects.toThrow('no owner');
    await expect(next).resolves.toBe('next');
  });
});
