import { defineNode, type Item, type NodeContext, NodeError, withFields, z } from '@sbss/sdk';
import type { Case } from '../records/case.js';
import { actor, alreadyApplied, applyChange, loadCase, saveCase } from '../records/case-store.js';
import { collections } from '../records/collections.js';
import { loadContact } from '../records/contact-store.js';
import { field, text } from '../records/item-fields.js';
import { asJson } from '../records/json-record.js';
import type { Member } from '../records/team.js';
import { ownerLoads } from '../routing/loads.js';
import { oneAtATime } from '../routing/one-at-a-time.js';
import { loadRoster, poolOf, type Roster } from '../routing/roster.js';
import { type RouteDecision, route } from '../routing/route.js';
import { slaDue, slaSchema } from '../routing/sla.js';
import { strategies } from '../routing/strategies.js';
import { isWorking } from '../routing/working-hours.js';

const params = z.object({
  caseId: z.string().optional().describe('Case to assign; defaults to `case.id` from crm/open-case'),
  strategy: z
    .enum(strategies)
    .default('round-robin')
    .describe('round-robin, least-loaded, or match (skills, language, region)'),
  sticky: z
    .boolean()
    .default(true)
    .describe("Give a returning contact's case to their previous owner when available"),
  queue: z
    .string()
    .optional()
    .describe("Queue whose members take the case; defaults to the case's queue, else every member"),
  onCallQueue: z
    .string()
    .default('on-call')
    .describe('Queue that takes cases when nobody is within working hours'),
  respectWorkingHours: z.boolean().default(true),
  reassign: z.boolean().default(false).describe('Route cases that already have an owner again'),
  sla: slaSchema,
});
type Params = z.output<typeof params>;

export const assignNode = defineNode({
  id: 'assign',
  title: { en: 'Assign case', 'zh-Hans': '分配工单', 'zh-Hant': '分配工單' },
  description: {
    en: 'Routes each case to an owner and queue (round robin, least loaded, skills/language/region match, sticky owner, on-call outside working hours), sets its SLA due time and records why.',
    'zh-Hans':
      '按轮询、最少负载、技能/语言/地区匹配、老客户原负责人、非工作时间值班队列分配工单，设置 SLA 截止时间并记录原因。',
    'zh-Hant':
      '按輪詢、最少負載、技能/語言/地區匹配、老客戶原負責人、非工作時間值班佇列分配工單，設定 SLA 截止時間並記錄原因。',
  },
  category: 'crm',
  params,
  run(ctx) {
    return oneAtATime(`assign:${ctx.workspaceId}`, () => assignAll(ctx));
  },
});

async function assignAll(ctx: NodeContext<Params>): Promise<Item[]> {
  const items = ctx.input.main ?? [];
  if (items.length === 0) return [];
  const batch = await prepare(ctx);
  const out: Item[] = [];
  for (const [index, item] of items.entries()) {
    const p = ctx.paramsFor(index);
    const caseId = p.caseId ?? text(field(item, 'case', 'id'));
    if (!caseId)
      throw new NodeError('CASE_MISSING', 'An item has no case id: connect crm/open-case or set caseId');
    const found = await loadCase(ctx.data, caseId);
    if (!found) throw new NodeError('CASE_NOT_FOUND', `No case ${caseId}`);
    const { value, assignment } = await assignOne(ctx, batch, p, found, ctx.idempotencyKey(index));
    out.push(withFields(item, { case: asJson(value), assignment }));
  }
  return out;
}

interface Batch {
  roster: Roster;
  loads: Map<string, number>;
  working: (member: Member) => boolean;
}

async function prepare(ctx: NodeContext<Params>): Promise<Batch> {
  const [roster, loads] = await Promise.all([loadRoster(ctx.data, ctx.log), ownerLoads(ctx.data)]);
  const at = ctx.now();
  const memo = new Map<string, boolean>();
  const working = (member: Member) => {
    if (!ctx.params.respectWorkingHours) return true;
    let value = memo.get(member.id);
    if (value === undefined) {
      value = isWorking(member, at);
      memo.set(member.id, value);
    }
    return value;
  };
  return { roster, loads, working };
}

async function assignOne(ctx: NodeContext<Params>, batch: Batch, p: Params, value: Case, key: string) {
  const summary = (
    decision: { rule: RouteDecision['rule'] | 'kept' | 'replayed'; reason: string },
    next: Case,
  ) => ({
    caseId: next.id,
    owner: next.owner,
    queue: next.queue,
    slaDueAt: next.slaDueAt,
    rule: decision.rule,
    reason: decision.reason,
  });
  if (alreadyApplied(value, key)) {
    const earlier = value.history.find((entry) => entry.key === key);
    return { value, assignment: summary({ rule: 'replayed', reason: earlier?.reason ?? '' }, value) };
  }
  if (value.status === 'resolved' || (value.owner && !p.reassign)) {
    const reason = value.status === 'resolved' ? 'case is resolved' : `already owned by ${value.owner}`;
    return { value, assignment: summary({ rule: 'kept', reason }, value) };
  }
  const queue = p.queue ?? value.queue;
  const pointer = `round-robin:${queue ?? '*'}`;
  const decision = await decide(ctx, batch, p, value, queue, pointer);
  const slaDueAt = slaDue(value.openedAt, value.priority, p.sla);
  const next = applyChange(
    value,
    {
      action: 'assigned',
      reason: decision.reason,
      changes: { owner: decision.owner, queue: decision.queue, slaDueAt },
      key,
    },
    actor(ctx),
  );
  await saveCase(ctx.data, next);
  await noteOwner(ctx, batch, value, decision, pointer);
  return { value: next, assignment: summary(decision, next) };
}

async function decide(
  ctx: NodeContext<Params>,
  batch: Batch,
  p: Params,
  value: Case,
  queue: string | null,
  pointer: string,
): Promise<RouteDecision> {
  const contact = value.contactId ? await loadContact(ctx.data, value.contactId) : undefined;
  const onCallQueue = batch.roster.queues.get(p.onCallQueue);
  return route({
    pool: poolOf(batch.roster, queue),
    queue,
    onCall: onCallQueue && { queue: onCallQueue, members: poolOf(batch.roster, onCallQueue.id) },
    strategy: p.strategy,
    stickyOwner: p.sticky ? (contact?.ownerId ?? null) : null,
    needs: {
      skills: value.skills,
      language: value.lang ?? contact?.lang,
      region: value.region ?? contact?.region,
    },
    loads: batch.loads,
    lastPicked: (await ctx.state.get<string>(pointer)) ?? undefined,
    working: batch.working,
  });
}

/** Keeps the batch's load figures, the round-robin turn and the sticky owner up to date. */
async function noteOwner(
  ctx: NodeContext<Params>,
  batch: Batch,
  value: Case,
  decision: RouteDecision,
  pointer: string,
) {
  const { owner } = decision;
  if (value.owner) batch.loads.set(value.owner, (batch.loads.get(value.owner) ?? 1) - 1);
  if (!owner) return;
  batch.loads.set(owner, (batch.loads.get(owner) ?? 0) + 1);
  if (decision.rule === 'round-robin') await ctx.state.set(pointer, owner);
  if (!value.contactId) return;
  const contact = await loadContact(ctx.data, value.contactId);
  if (contact && contact.ownerId !== owner) {
    await ctx.data.upsert(collections.contacts, contact.id, asJson({ ...contact, ownerId: owner }));
  }
}
