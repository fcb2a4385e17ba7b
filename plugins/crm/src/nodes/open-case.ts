import { defineNode, type Item, type NodeContext, withFields, z } from '@sbss/sdk';
import {
  type Case,
  type MentionSnapshot,
  type Priority,
  priorityRank,
  prioritySchema,
} from '../records/case.js';
import { actor, alreadyApplied, applyChange, loadCase, saveCase } from '../records/case-store.js';
import { collections, openCaseKey } from '../records/collections.js';
import { field, strings, text } from '../records/item-fields.js';
import { asJson } from '../records/json-record.js';
import { keepRecent, mentionKey, snapshotOf, subjectOf } from '../records/snapshot.js';
import { stableId } from '../records/stable-id.js';
import { type SlaMinutes, slaDue, slaSchema } from '../routing/sla.js';

const params = z.object({
  contactId: z
    .string()
    .optional()
    .describe('Contact the case is about; defaults to `contact.id` from crm/upsert-contact'),
  topic: z
    .string()
    .optional()
    .describe('Topic; defaults to the first of the mention `topics`, else "general"'),
  subject: z
    .string()
    .optional()
    .describe('Subject line; defaults to the mention title or the start of its text'),
  priority: prioritySchema
    .optional()
    .describe('low, normal, high or urgent; defaults to the item `priority`, else normal'),
  queue: z.string().optional().describe('Queue the case starts in'),
  skills: z.array(z.string()).default([]).describe('Skills the case needs, used by crm/assign'),
  region: z.string().optional().describe('Region the case belongs to, used by crm/assign'),
  sla: slaSchema,
});
type Params = z.output<typeof params>;

export const openCaseNode = defineNode({
  id: 'open-case',
  title: { en: 'Open case', 'zh-Hans': '创建工单', 'zh-Hant': '建立工單' },
  description: {
    en: 'Opens a case, or adds the mention to the open case of the same contact and topic instead of opening a second one.',
    'zh-Hans': '创建工单；同一联系人同一话题已有未结工单时，把提及追加到该工单而不重复创建。',
    'zh-Hant': '建立工單；同一聯絡人同一話題已有未結工單時，把提及追加到該工單而不重複建立。',
  },
  category: 'crm',
  params,
  async run(ctx) {
    const out: Item[] = [];
    for (const [index, item] of (ctx.input.main ?? []).entries()) {
      const p = ctx.paramsFor(index);
      const key = ctx.idempotencyKey(index);
      const contactId = p.contactId ?? text(field(item, 'contact', 'id')) ?? null;
      const topic = (p.topic ?? strings(item.topics)[0] ?? 'general').trim().toLowerCase();
      const snapshot = snapshotOf(item);
      const priority = p.priority ?? prioritySchema.safeParse(item.priority).data ?? 'normal';
      const current =
        (await ongoingCase(ctx, contactId, topic)) ?? (await loadCase(ctx.data, stableId('cs', key)));
      if (current) {
        const { value, action } = append(ctx, current, { snapshot, priority, key, sla: p.sla });
        if (action === 'appended') await saveCase(ctx.data, value);
        out.push(withFields(item, { case: asJson(value), caseAction: action }));
        continue;
      }
      const opened = open(ctx, item, p, { contactId, topic, snapshot, priority, key, sla: p.sla });
      await saveCase(ctx.data, opened);
      if (contactId)
        await ctx.data.upsert(collections.caseKeys, openCaseKey(contactId, topic), { caseId: opened.id });
      out.push(withFields(item, { case: asJson(opened), caseAction: 'opened' }));
    }
    return out;
  },
});

/** The case collecting this contact's mentions on this topic, if it is still open or pending. */
async function ongoingCase(
  ctx: NodeContext,
  contactId: string | null,
  topic: string,
): Promise<Case | undefined> {
  if (!contactId) return undefined;
  const index = await ctx.data.get(collections.caseKeys, openCaseKey(contactId, topic));
  const caseId = text(index?.data.caseId);
  const found = caseId ? await loadCase(ctx.data, caseId) : undefined;
  // The index is not cleared when a case is resolved in the Inbox: the status decides.
  return found && found.status !== 'resolved' ? found : undefined;
}

interface Incoming {
  snapshot: MentionSnapshot | undefined;
  priority: Priority;
  key: string;
  sla: SlaMinutes;
}

function append(
  ctx: NodeContext,
  value: Case,
  incoming: Incoming,
): { value: Case; action: 'appended' | 'unchanged' } {
  const { snapshot, priority, key, sla } = incoming;
  const linked = snapshot && value.mentionIds.includes(mentionKey(snapshot));
  if (alreadyApplied(value, key) || linked || !snapshot) return { value, action: 'unchanged' };
  const raise = priorityRank(priority) > priorityRank(value.priority);
  // A higher priority brings the due time forward, never back.
  const due = slaDue(value.openedAt, priority, sla);
  const slaDueAt = value.slaDueAt && value.slaDueAt < due ? value.slaDueAt : due;
  const next = applyChange(
    value,
    {
      action: 'appended',
      reason: `mention ${mentionKey(snapshot)}${raise ? `; priority raised to ${priority}` : ''}`,
      changes: raise ? { priority, slaDueAt } : {},
      key,
    },
    actor(ctx),
  );
  next.mentionIds = [...value.mentionIds, mentionKey(snapshot)];
  next.mentions = keepRecent([...value.mentions, snapshot]);
  return { value: next, action: 'appended' };
}

function open(
  ctx: NodeContext,
  item: Item,
  p: Params,
  fields: Incoming & { contactId: string | null; topic: string },
): Case {
  const who = actor(ctx);
  const lang = text(item.lang);
  const created: Case = {
    id: stableId('cs', fields.key),
    contactId: fields.contactId,
    topic: fields.topic,
    subject: p.subject ?? subjectOf(item),
    status: 'open',
    priority: fields.priority,
    owner: null,
    queue: p.queue ?? null,
    slaDueAt: slaDue(who.at, fields.priority, fields.sla),
    openedAt: who.at,
    updatedAt: who.at,
    resolvedAt: null,
    escalationLevel: 0,
    skills: p.skills,
    mentionIds: fields.snapshot ? [mentionKey(fields.snapshot)] : [],
    mentions: fields.snapshot ? [fields.snapshot] : [],
    history: [],
    external: {},
    ...(lang && lang !== 'und' ? { lang } : {}),
    ...(p.region ? { region: p.region } : {}),
  };
  const reason = fields.snapshot
    ? `mention ${mentionKey(fields.snapshot)}`
    : 'opened from an item without a mention';
  return { ...created, history: [{ ...who, action: 'opened', reason, key: fields.key }] };
}
