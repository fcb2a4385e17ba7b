import type { Member, Weekday, WorkingWindow } from '../records/team.js';
import { weekdays } from '../records/team.js';
import { localTime } from './local-time.js';

function minutes(clock: string): number {
  const [hours, mins] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (mins ?? 0);
}

function previousDay(day: Weekday): Weekday {
  return weekdays[(weekdays.indexOf(day) + 6) % 7] ?? day;
}

function inWindow(window: WorkingWindow, day: Weekday, minute: number): boolean {
  const start = minutes(window.start);
  const end = minutes(window.end);
  if (start < end) return window.days.includes(day) && minute >= start && minute < end;
  // Past midnight: the evening part belongs to the listed day, the early hours to the day after it.
  return (
    (window.days.includes(day) && minute >= start) || (window.days.includes(previousDay(day)) && minute < end)
  );
}

/** Whether `at` falls in one of the member's weekly windows, read in the member's own time zone. */
export function isWorking(member: Pick<Member, 'workingHours' | 'timeZone'>, at: Date): boolean {
  if (member.workingHours.length === 0) return true;
  const local = localTime(at, member.timeZone);
  return member.workingHours.some((window) => inWindow(window, local.day, local.minute));
}
