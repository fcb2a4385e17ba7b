import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scheduleNode, scheduleParamsSchema } from './schedule.js';
import { nextRuns } from './schedule-timing.js';

describe('core/schedule', () => {
  it('defaults to every day at 09:00 UTC', () => {
    expect(scheduleParamsSchema.parse({})).toEqual({ cron: '0 9 * * *', timezone: 'UTC' });
  });

  it('explains an invalid cron pattern', () => {
    const result = scheduleParamsSchema.safeParse({ cron: '61 * * * *' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['cron'],
      message: 'Invalid cron pattern "61 * * * *": Invalid value for minute: 61',
    });
  });

  it('rejects a pattern with the wrong number of fields', () => {
    expect(scheduleParamsSchema.safeParse({ cron: 'every morning' }).error?.issues[0]?.message).toMatch(
      /five, six, or seven/,
    );
  });

  it('rejects an unknown time zone', () => {
    expect(scheduleParamsSchema.safeParse({ timezone: 'Mars/Olympus' }).error?.issues[0]?.message).toMatch(
      /Unknown time zone/,
    );
  });

  it('keeps a JSON Schema the editor can build a form from', () => {
    const schema = z.toJSONSchema(scheduleParamsSchema, { io: 'input' });
    expect(schema.properties?.cron).toMatchObject({ type: 'string', default: '0 9 * * *' });
  });

  it('emits the trigger items it is given', async () => {
    const fired = { firedAt: '2024-05-01T01:00:00.000Z', cron: '0 9 * * *', timezone: 'Asia/Shanghai' };
    const result = await runNode(scheduleNode, { params: { timezone: 'Asia/Shanghai' }, input: [fired] });
    expect(result.output.main).toEqual([fired]);
  });
});

describe('nextRuns', () => {
  it('reads the pattern in the time zone and returns times strictly after from', () => {
    const runs = nextRuns('0 9 * * *', 'Asia/Shanghai', new Date('2024-01-01T01:00:00Z'), 2);
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2024-01-02T01:00:00.000Z',
      '2024-01-03T01:00:00.000Z',
    ]);
  });

  it('follows daylight saving time', () => {
    const [beforeChange, afterChange] = nextRuns(
      '0 9 * * *',
      'Europe/Berlin',
      new Date('2024-03-30T12:00:00Z'),
      2,
    );
    expect(beforeChange?.toISOString()).toBe('2024-03-31T07:00:00.000Z');
    expect(afterChange?.toISOString()).toBe('2024-04-01T07:00:00.000Z');
  });

  it('returns nothing for a date that never comes', () => {
    expect(nextRuns('0 0 31 2 *', 'UTC', new Date('2024-01-01T00:00:00Z'), 3)).toEqual([]);
  });

  it('refuses invalid patterns and time zones', () => {
    expect(() => nextRuns('nope', 'UTC', new Date(), 1)).toThrow(/Invalid cron pattern/);
    expect(() => nextRuns('* * * * *', 'Nowhere/City', new Date(), 1)).toThrow(/Unknown time zone/);
  });
});
