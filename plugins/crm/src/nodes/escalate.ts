import { defineNode, type Item, type NodeContext, z } from '@sbss/sdk';
import { type Case, caseSchema, priorities, priorityRank } from '../records/case.js';
import { actor, applyChange, saveCase } from '../records/case-store.js';
import { collections } from '../records/collections.js';
import { asJson } from '../records/json-record.js';
import { slaDue, slaSchema } from '../routing/sla.js';

const params = z.object({
  warnMinutes: z
    .number()
    .int()
    .min(0)
    .default(30)
    .describe('Cases due within this many minutes go out once on "due soon"'),
  raisePriority: z
    .boolean()
    .default(true)
    .describe('Raise the priority one step (low → normal → high → urgent)'),
  queue: z.string().optional().describe('Move escalated cases to this queue'),
  owner: z.string().optional().describe('Hand escalated cases to this member, e.g. the team lead'),
  maxLevel: z.number().int().min(1).max(10).default(3).describe('Escalate a case at most this many times'),
  sla: slaSchema.describe('Minutes per priority until the next due time, counted from the escalation'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(1000)
    .describe('Cases looked at per level and run, earliest due first'),
});
type Params = z.output<typeof params>;

const minute = 60_000;

export const escalateNode = defineNode({
  id: 'escalate',
  title: { en: 'Escalate overdue cases', 'zh-Hans': '升级超时工单', 'zh-Hant': '升級逾時工單' },
  description: {
    en: 'Run on a schedule: escalates open cases past their SLA due time (priority, queue, owner), warns about those due soon, and emits both for notification.',
    'zh-Hans':
      '定时运行：升级已超过 SLA 截止时间的未结工单（优先级、队列、负责人），提醒即将到期的工单，并输出以便通知。',
    'zh-Hant':
      '定時執行：升級已超過 SLA 截止時間的未結工單（優先級、佇列、負責人），提醒即將到期的工單，並輸出以便通知。',
  },
  category: 'crm',
  params,
  outputs: {
    escalated: { title: { en: 'Escalated', 'zh-Hans': '已升级', 'zh-Hant': '已升級' } },
    dueSoon: { title: { en: 'Due soon', 'zh-Hans': '即将到期', 'zh-Hant': '即將到期' } },
  },
  async run(ctx) {
    const p = ctx.params;
    const key =
      (ctx.input.main ?? []).length > 0 ? ctx.idempotencyKey(0) : `${ctx.executionId}:${ctx.nodeId}`;
    const now = ctx.now().getTime();
    const escalated: Item[] = [];
    const dueSoon: Item[] = [];
    const horizon = now + p.warnMinutes * minute;
    for (const value of await candidates(ctx, p)) {
      const due = Date.parse(value.slaDueAt ?? '');
      const replayed = value.history.find((entry) => entry.key === key);
      if (replayed) {
        (replayed.action === 'escalated' ? escalated : dueSoon).push({ case: asJson(value) });
      } else if (due <= now) {
        const next = escalate(ctx, p, value, key, Math.round((now - due) / minute));
        await saveCase(ctx.data, next);
        escalated.push({ case: asJson(next), escalation: escalation(value, next) });
      } else if (due <= horizon && !warned(value)) {
        const reason = `SLA due in ${Math.ceil((due - now) / minute)} min`;
        const details = { dueAt: value.slaDueAt };
        const next = applyChange(value, { action: 'sla-warning', reason, key, details }, actor(ctx));
        await saveCase(ctx.data, next);
        dueSoon.push({ case: asJson(next), warning: { dueAt: value.slaDueAt, reason } });
      }
    }
    return { escalated, dueSoon };
  },
});

/**
 * Open cases below the top level, earliest due first. One query per level keeps cases that
 * reached the top (still overdue, never escalated again) from filling the page. Pending cases
 * wait on the customer, so their SLA is not running.
 */
async function candidates(ctx: NodeContext<Params>, p: Params): Promise<Case[]> {
  const found: Case[] = [];
  for (let level = 0; level < p.maxLevel; level += 1) {
    const records = await ctx.data.query(collections.cases, {
      where: { status: 'open', escalationLevel: level },
      orderBy: 'slaDueAt',
      limit: p.limit,
    });
    for (const record of records) {
      const parsed = caseSchema.safeParse(record.data);
      if (!parsed.success) ctx.log.warn(`Case record ${record.key} is invalid and is skipped`);
      else if (parsed.data.slaDueAt) found.push(parsed.data);
    }
  }
  return found.sort((a, b) => (a.slaDueAt ?? '').localeCompare(b.slaDueAt ?? ''));
}

function escalate(ctx: NodeContext<Params>, p: Params, value: Case, key: string, overdue: number): Case {
  const rank = priorityRank(value.priority);
  const priority = p.raisePriority
    ? (priorities[Math.min(rank + 1, priorities.length - 1)] ?? value.priority)
    : value.priority;
  const level = value.escalationLevel + 1;
  const reason = `SLA due at ${value.slaDueAt} passed ${overdue} min ago; escalation level ${level}`;
  return applyChange(
    value,
    {
      action: 'escalated',
      reason,
      changes: {
        priority,
        queue: p.queue ?? value.queue,
        owner: p.owner ?? value.owner,
        escalationLevel: level,
        slaDueAt: slaDue(ctx.now(), priority, p.sla),
      },
      key,
    },
    actor(ctx),
  );
}

function escalation(before: Case, after: Case) {
  return {
    level: after.escalationLevel,
    reason: after.history.at(-1)?.reason ?? '',
    from: { priority: before.priority, queue: before.queue, owner: before.owner, slaDueAt: before.slaDueAt },
  };
}

/** A warning goes out once per due time: a later escalation sets a new one. */
function warned(value: Case): boolean {
  return value.history.some((entry) => entry.action === 'sla-warning' && entry.dueAt === value.slaDueAt);
}
