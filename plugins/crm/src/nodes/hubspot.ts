import { defineNode, type Item, type NodeContext, NodeError, withFields, z } from '@sbss/sdk';
import { hubspotToken } from '../credentials.js';
import { collections } from '../records/collections.js';
import { field, strings, text } from '../records/item-fields.js';
import { latestMentionText } from '../records/snapshot.js';
import { externalId, linkExternal } from '../remote/external-links.js';
import { type HubSpotApi, hubspotApi } from '../remote/hubspot-api.js';
import { type Properties, type Upserted, upsertContact, upsertTicket } from '../remote/hubspot-objects.js';

const params = z.object({
  credential: z.string().min(1).describe('A hubspot-token credential'),
  operation: z.enum(['upsert-contact', 'upsert-ticket']).default('upsert-ticket'),
  email: z.string().optional().describe('Contact email; defaults to the first email of `contact`'),
  subject: z.string().optional().describe('Ticket subject; defaults to the case subject'),
  content: z
    .string()
    .optional()
    .meta({ widget: 'textarea', description: 'Ticket text; defaults to the latest mention of the case' }),
  pipeline: z.string().default('0').describe('Ticket pipeline id (0 is the default support pipeline)'),
  stage: z.string().default('1').describe('Ticket pipeline stage id (1 is "New" in the default pipeline)'),
  ticketId: z.string().optional().describe('Update this ticket instead of finding or creating one'),
  contactId: z.string().optional().describe('HubSpot contact to associate the ticket with'),
  idempotencyProperty: z
    .string()
    .optional()
    .describe('Custom ticket property (single-line text) that stores the case key, searched before creating'),
  properties: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .default({})
    .describe('More properties, by internal name'),
});
type Params = z.output<typeof params>;

/** HubSpot's default ticket priorities (hs_ticket_priority). */
const ticketPriority = { low: 'LOW', normal: 'MEDIUM', high: 'HIGH', urgent: 'HIGH' } as const;

export const hubspotNode = defineNode({
  id: 'hubspot',
  title: 'HubSpot',
  description: {
    en: 'Creates or updates HubSpot contacts and tickets (CRM v3 objects API) without duplicates on retries. Set node retry for rate limits.',
    'zh-Hans': '创建或更新 HubSpot 联系人与工单（CRM v3 对象 API），重试不产生重复。请为限流设置节点重试。',
    'zh-Hant': '建立或更新 HubSpot 聯絡人與工單（CRM v3 物件 API），重試不產生重複。請為限流設定節點重試。',
  },
  category: 'crm',
  credentials: [hubspotToken.id],
  params,
  async run(ctx) {
    const out: Item[] = [];
    const apis = new Map<string, HubSpotApi>();
    for (const [index, item] of (ctx.input.main ?? []).entries()) {
      const p = ctx.paramsFor(index);
      const api = apis.get(p.credential) ?? (await hubspotApi(ctx, p.credential));
      apis.set(p.credential, api);
      const result =
        p.operation === 'upsert-contact'
          ? await contact(ctx, api, p, item)
          : await ticket(ctx, api, p, item, index);
      out.push(
        withFields(item, {
          hubspot: { object: p.operation === 'upsert-contact' ? 'contact' : 'ticket', ...result },
        }),
      );
    }
    return out;
  },
});

async function contact(ctx: NodeContext, api: HubSpotApi, p: Params, item: Item): Promise<Upserted> {
  const email = p.email ?? strings(field(item, 'contact', 'emails'))[0];
  if (!email)
    throw new NodeError(
      'EMAIL_MISSING',
      'A HubSpot contact needs an email: set email or connect crm/upsert-contact',
    );
  const name = text(field(item, 'contact', 'name'));
  const phone = strings(field(item, 'contact', 'phones'))[0];
  const properties: Properties = {
    ...(name ? { firstname: name } : {}),
    ...(phone ? { phone } : {}),
    ...p.properties,
  };
  const result = await upsertContact(api, email.trim().toLowerCase(), properties);
  await linkExternal(
    ctx.data,
    collections.contacts,
    text(field(item, 'contact', 'id')),
    'hubspotId',
    result.id,
  );
  return result;
}

async function ticket(
  ctx: NodeContext,
  api: HubSpotApi,
  p: Params,
  item: Item,
  index: number,
): Promise<Upserted> {
  const caseId = text(field(item, 'case', 'id'));
  // One ticket per local case across executions; per step when the item has no case.
  const key = caseId ?? ctx.idempotencyKey(index);
  const stateKey = `hubspot-ticket:${key}`;
  const knownId =
    p.ticketId ??
    (await externalId(ctx.data, collections.cases, caseId, 'hubspotTicketId')) ??
    (await ctx.state.get<string>(stateKey));
  const priority = text(field(item, 'case', 'priority'));
  const properties: Properties = {
    subject: p.subject ?? text(field(item, 'case', 'subject')) ?? 'Social media case',
    content: p.content ?? latestMentionText(item),
    hs_pipeline: p.pipeline,
    hs_pipeline_stage: p.stage,
    ...(priority && priority in ticketPriority
      ? { hs_ticket_priority: ticketPriority[priority as keyof typeof ticketPriority] }
      : {}),
    ...p.properties,
  };
  const hubspotContact =
    p.contactId ?? text(field(item, 'contact', 'external', 'hubspotId')) ?? priorContact(item);
  const result = await upsertTicket(api, {
    knownId: knownId ?? undefined,
    idempotency: p.idempotencyProperty ? { property: p.idempotencyProperty, value: key } : undefined,
    properties,
    contactId: hubspotContact,
  });
  await ctx.state.set(stateKey, result.id);
  await linkExternal(ctx.data, collections.cases, caseId, 'hubspotTicketId', result.id);
  return result;
}

/** A HubSpot contact upserted by an earlier HubSpot node in the same workflow. */
function priorContact(item: Item): string | undefined {
  return field(item, 'hubspot', 'object') === 'contact' ? text(field(item, 'hubspot', 'id')) : undefined;
}
