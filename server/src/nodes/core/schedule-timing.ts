import { Cron, CronPattern } from 'croner';

/** Why a cron pattern cannot be used, or undefined when it can. */
export function cronProblem(pattern: string): string | undefined {
  try {
    new CronPattern(pattern);
    return undefined;
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern:\s*/, '');
    return `Invalid cron pattern "${pattern}": ${reason}`;
  }
}

/** Whether the IANA time zone name is known to this runtime's Intl data. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The next `count` fire times strictly after `from`, in `timezone`. Pure: no timers are
 * started, so the scheduler can plan, catch up after downtime and test with a fixed clock.
 */
export function nextRuns(cron: string, timezone: string, from: Date, count: number): Date[] {
  const problem = cronProblem(cron);
  if (problem) throw new RangeError(problem);
  if (!isTimeZone(timezone)) throw new RangeError(`Unknown time zone "${timezone}"`);
  return new Cron(cron, { timezone, paused: true }).nextRuns(count, from);
}
