import { and, asc, eq, sql } from 'drizzle-orm';
import { SbssError } from '../engine/errors.js';
import type { StoreDb } from './database.js';
import { optionalIso, optionalMs } from './row-codec.js';
import { schedules, webhooks, workflows } from './schema.js';
import type { WriteQueue } from './write-queue.js';

export interface WebhookRegistration {
  nodeId: string;
  method: string;
  /** Without leading or trailing slashes, as in `/hooks/<path>`. */
  path: string;
}

export interface WebhookTarget {
  workspaceId: string;
  workflowId: string;
  nodeId: string;
}

export type StoredWebhook = WebhookRegistration & WebhookTarget;

export interface ScheduleRegistration {
  nodeId: string;
  cron: string;
  /** IANA zone; UTC when left out. */
  timezone?: string;
  nextRunAt?: string | null;
}

export interface StoredSchedule {
  workspaceId: string;
  workflowId: string;
  nodeId: string;
  cron: string;
  timezone: string;
  nextRunAt?: string;
}

export interface TriggerRepository {
  /**
   * Makes `hooks` the workflow's webhooks (an empty list removes them). A method and path held by
   * another active workflow is a CONFLICT and nothing changes; one left behind by an inactive
   * workflow is taken over.
   */
  replaceWebhooks(workspaceId: string, workflowId: string, hooks: WebhookRegistration[]): Promise<void>;
  /** Which workflow a webhook call belongs to; the path space is shared by all workspaces. */
  findWebhook(method: string, path: string): WebhookTarget | undefined;
  listWebhooks(workspaceId: string): StoredWebhook[];
  /** Makes `list` the workflow's schedules (an empty list removes them). */
  replaceSchedules(workspaceId: string, workflowId: string, list: ScheduleRegistration[]): Promise<void>;
  /** Schedules of every workspace, for starting the scheduler on boot. */
  listSchedules(): StoredSchedule[];
  setNextRun(
    workspaceId: string,
    workflowId: string,
    nodeId: string,
    nextRunAt: string | null,
  ): Promise<void>;
  /** Drops all of a workflow's webhooks and schedules. */
  unregister(workspaceId: string, workflowId: string): Promise<void>;
}

const p = sql.placeholder;

export function createTriggerRepository(db: StoreDb, queue: WriteQueue): TriggerRepository {
  const target = {
    workspaceId: webhooks.workspaceId,
    workflowId: webhooks.workflowId,
    nodeId: webhooks.nodeId,
  };
  const findWebhook = db
    .select(target)
    .from(webhooks)
    .where(and(eq(webhooks.method, p('method')), eq(webhooks.path, p('path'))))
    .prepare();
  const holder = db
    .select({ ...target, active: workflows.active })
    .from(webhooks)
    .innerJoin(workflows, eq(workflows.id, webhooks.workflowId))
    .where(and(eq(webhooks.method, p('method')), eq(webhooks.path, p('path'))))
    .prepare();
  const ofWorkflow = <T extends typeof webhooks | typeof schedules>(
    table: T,
    workspaceId: string,
    workflowId: string,
  ) => and(eq(table.workspaceId, workspaceId), eq(table.workflowId, workflowId));

  function claim(workspaceId: string, workflowId: string, hook: WebhookRegistration): void {
    const method = hook.method.toUpperCase();
    const current = holder.get({ method, path: hook.path });
    if (current?.workflowId === workflowId) {
      throw new SbssError('CONFLICT', `Two webhook nodes listen on ${method} /hooks/${hook.path}`, {
        nodeIds: [current.nodeId, hook.nodeId],
      });
    }
    if (current?.active) {
      const sameWorkspace = current.workspaceId === workspaceId;
      throw new SbssError(
        'CONFLICT',
        `Another active workflow already listens on ${method} /hooks/${hook.path}`,
        sameWorkspace ? { workflowId: current.workflowId, nodeId: current.nodeId } : undefined,
      );
    }
    if (current)
      db.delete(webhooks)
        .where(and(eq(webhooks.method, method), eq(webhooks.path, hook.path)))
        .run();
    db.insert(webhooks)
      .values({ method, path: hook.path, workspaceId, workflowId, nodeId: hook.nodeId })
      .run();
  }

  return {
    replaceWebhooks: (workspaceId, workflowId, hooks) =>
      queue.enqueue(() => {
        db.delete(webhooks)
          .where(ofWorkflow(webhooks, workspaceId, workflowId))
          .run();
        for (const hook of hooks) claim(workspaceId, workflowId, hook);
      }),

    findWebhook: (method, path) => findWebhook.get({ method: method.toUpperCase(), path }),

    listWebhooks: (workspaceId) =>
      db
        .select()
        .from(webhooks)
        .where(eq(webhooks.workspaceId, workspaceId))
        .orderBy(asc(webhooks.path), asc(webhooks.method))
        .all(),

    replaceSchedules: (workspaceId, workflowId, list) =>
      queue.enqueue(() => {
        db.delete(schedules)
          .where(ofWorkflow(schedules, workspaceId, workflowId))
          .run();
        for (const { nodeId, cron, timezone = 'UTC', nextRunAt } of list) {
          const next = nextRunAt ? optionalMs(nextRunAt) : null;
          db.insert(schedules)
            .values({ workspaceId, workflowId, nodeId, cron, timezone, nextRunAt: next })
            .run();
        }
      }),

    listSchedules: () =>
      db
        .select()
        .from(schedules)
        .orderBy(asc(schedules.workspaceId), asc(schedules.workflowId), asc(schedules.nodeId))
        .all()
        .map(({ nextRunAt, ...row }) => {
          const next = optionalIso(nextRunAt);
          return next === undefined ? row : { ...row, nextRunAt: next };
        }),

    setNextRun: (workspaceId, workflowId, nodeId, nextRunAt) =>
      queue.enqueue(() => {
        const next = nextRunAt === null ? null : optionalMs(nextRunAt);
        const where = and(ofWorkflow(schedules, workspaceId, workflowId), eq(schedules.nodeId, nodeId));
        const { changes } = db.update(schedules).set({ nextRunAt: next }).where(where).run();
        if (changes === 0)
          throw new SbssError('NOT_FOUND', `Workflow ${workflowId} has no schedule on ${nodeId}`);
      }),

    unregister: (workspaceId, workflowId) =>
      queue.enqueue(() => {
        db.delete(webhooks)
          .where(ofWorkflow(webhooks, workspaceId, workflowId))
          .run();
        db.delete(schedules)
          .where(ofWorkflow(schedules, workspaceId, workflowId))
          .run();
      }),
  };
}
