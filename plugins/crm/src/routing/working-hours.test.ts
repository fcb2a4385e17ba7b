import { describe, expect, it } from 'vitest';
import type { WorkingWindow } from '../records/team.js';
import { localTime } from './local-time.js';
import { isWorking } from './working-hours.js';

const weekdays: WorkingWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' };

describe('working hours', () => {
  it("reads the day and time in the member's own zone", () => {
    expect(localTime(new Date('2025-03-05T02:00:00Z'), 'Asia/Shanghai')).toEqual({ day: 'wed', minute: 600 });
    expect(localTime(new Date('2025-03-05T02:00:00Z'), 'America/New_York')).toEqual({
      day: 'tue',
      minute: 21 * 60,
    });
  });

  it('follows daylight saving time', () => {
    // New York moved to UTC-4 on 2025-03-09: 13:30 UTC is 09:30 after the change, 08:30 before it.
    const member = { timeZone: 'America/New_York', workingHours: [weekdays] };
    expect(isWorking(member, new Date('2025-03-10T13:30:00Z'))).toBe(true);
    expect(isWorking(member, new Date('2025-03-07T13:30:00Z'))).toBe(false);
  });

  it('includes the start minute and excludes the end minute', () => {
    const member = { timeZone: 'UTC', workingHours: [weekdays] };
    expect(isWorking(member, new Date('2025-03-05T09:00:00Z'))).toBe(true);
    expect(isWorking(member, new Date('2025-03-05T18:00:00Z'))).toBe(false);
  });

  it('lets a night shift run past midnight into the next day', () => {
    const night = {
      timeZone: 'UTC',
      workingHours: [{ days: ['fri' as const], start: '22:00', end: '06:00' }],
    };
    expect(isWorking(night, new Date('2025-03-07T23:00:00Z'))).toBe(true); // Friday night
    expect(isWorking(night, new Date('2025-03-08T05:59:00Z'))).toBe(true); // early Saturday
    expect(isWorking(night, new Date('2025-03-08T23:00:00Z'))).toBe(false); // Saturday night
    expect(isWorking(night, new Date('2025-03-07T05:00:00Z'))).toBe(false); // early Friday
  });

  it('treats a member without windows as always working', () => {
    expect(isWorking({ timeZone: 'UTC', workingHours: [] }, new Date('2025-03-08T03:00:00Z'))).toBe(true);
  });
});
