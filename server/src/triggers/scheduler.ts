import { Cron } from 'croner';

export interface ScheduleEntry {
  workspaceId: string;
  workflowId: string;
  nodeId: string;
  cron: string;
  timezone: string;
}

/** Cron jobs of active schedule triggers; croner does the parsing and the time-zone arithmetic. */
export class Scheduler {
  readonly #jobs = new Map<string, { entry: ScheduleEntry; job: Cron }[]>();
  readonly #fire: (entry: ScheduleEntry, firedAt: Date) => void;

  constructor(fire: (entry: ScheduleEntry, firedAt: Date) => void) {
    this.#fire = fire;
  }

  add(entry: ScheduleEntry): void {
    const job = new Cron(entry.cron, { timezone: entry.timezone, protect: true }, () =>
      this.#fire(entry, new Date()),
    );
    const jobs = this.#jobs.get(entry.workflowId) ?? [];
    jobs.push({ entry, job });
    this.#jobs.set(entry.workflowId, jobs);
  }

  nextRun(cron: string, timezone: string): string | null {
    return new Cron(cron, { timezone, paused: true }).nextRun()?.toISOString() ?? null;
  }

  removeWorkflow(workflowId: string): void {
    for (const { job } of this.#jobs.get(workflowId) ?? []) job.stop();
    this.#jobs.delete(workflowId);
  }

  stop(): void {
    for (const jobs of this.#jobs.values()) for (const { job } of jobs) job.stop();
    this.#jobs.clear();
  }
}
