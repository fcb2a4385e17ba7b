import {
  defineNode,
  type Item,
  type JsonObject,
  type NodeContext,
  NodeError,
  withFields,
  z,
} from '@sbss/sdk';
import { salesforceOAuth } from '../credentials.js';
import { collections } from '../records/collections.js';
import { field, strings, text } from '../records/item-fields.js';
import { latestMentionText } from '../records/snapshot.js';
import { externalId, linkExternal } from '../remote/external-links.js';
import { type SalesforceApi, salesforceApi } from '../remote/salesforce-api.js';
import {
  type Upserted,
  upsertSalesforceCase,
  upsertSalesforceContact,
} from '../remote/salesforce-records.js';

const params = z.object({
  credential: z.string().min(1).describe('A salesforce-oauth credential'),
  operation: z.enum(['upsert-contact', 'upsert-case']).default('upsert-case'),
  email: z.string().optional().describe('Contact email; defaults to the first email of `contact`'),
  lastName: z
    .string()
    .optional()
    .describe('Contact last name (required by Salesforce); defaults to the contact name'),
  subject: z.string().optional().describe('Case subject; defaults to the case subject'),
  description: z.string().optional().meta({
    widget: 'textarea',
    description: 'Case description; defaults to the latest mention of the case',
  }),
  status: z.string().default('New'),
  origin: z.string().default('Web').describe('Case Origin picklist value'),
  caseId: z.string().optional().describe('Update this Salesforce case instead of finding or creating one'),
  externalIdField: z
    .string()
    .regex(/^\w+$/)
    .optional()
    .describe('External ID field on Case (e.g. SBSS_Key__c) holding the case key: creates are then upserts'),
  fields: z.record(z.string(), z.json()).default({}).describe('More fields, by API name'),
});
type Params = z.output<typeof params>;

const casePriority = { low: 'Low', normal: 'Medium', high: 'High', urgent: 'High' } as const;

export const salesforceNode = defineNode({
  id: 'salesforce',
  title: 'Salesforce',
  description: {
    en: 'Creates or updates Salesforce contacts and cases (REST API, OAuth client credentials) without duplicates on retries. Set node retry for rate limits.',
    'zh-Hans':
      '创建或更新 Salesforce 联系人与个案（REST API，OAuth 客户端凭据），重试不产生重复。请为限流设置节点重试。',
    'zh-Hant':
      '建立或更新 Salesforce 聯絡人與個案（REST API，OAuth 用戶端憑證），重試不產生重複。請為限流設定節點重試。',
  },
  category: 'crm',
  credentials: [salesforceOAuth.id],
  params,
  async run(ctx) {
    const out: Item[] = [];
    const apis = new Map<string, SalesforceApi>();
    for (const [index, item] of (ctx.input.main ?? []).entries()) {
      const p = ctx.paramsFor(index);
      const api = apis.get(p.credential) ?? (await salesforceApi(ctx, p.credential));
      apis.set(p.credential, api);
      const contact = p.operation === 'upsert-contact';
      const result = contact
        ? await upsertContact(ctx, api, p, item)
        : await upsertCase(ctx, api, p, item, index);
      out.push(withFields(item, { salesforce: { object: contact ? 'Contact' : 'Case', ...result } }));
    }
    return out;
  },
});

async function upsertContact(ctx: NodeContext, api: SalesforceApi, p: Params, item: Item): Promise<Upserted> {
  const email = p.email ?? strings(field(item, 'contact', 'emails'))[0];
  if (!email)
    throw new NodeError(
      'EMAIL_MISSING',
      'A Salesforce contact needs an email: set email or connect crm/upsert-contact',
    );
  const phone = strings(field(item, 'contact', 'phones'))[0];
  const fields: JsonObject = {
    LastName: p.lastName ?? text(field(item, 'contact', 'name')) ?? email,
    ...(phone ? { Phone: phone } : {}),
    ...p.fields,
  };
  const result = await upsertSalesforceContact(api, email.trim().toLowerCase(), fields);
  await linkExternal(
    ctx.data,
    collections.contacts,
    text(field(item, 'contact', 'id')),
    'salesforceId',
    result.id,
  );
  return result;
}

async function upsertCase(
  ctx: NodeContext,
  api: SalesforceApi,
  p: Params,
  item: Item,
  index: number,
): Promise<Upserted> {
  const localCase = text(field(item, 'case', 'id'));
  // One Salesforce case per local case across executions; per step when the item has no case.
  const key = localCase ?? ctx.idempotencyKey(index);
  const stateKey = `salesforce-case:${key}`;
  const knownId =
    p.caseId ??
    (await externalId(ctx.data, collections.cases, localCase, 'salesforceCaseId')) ??
    (await ctx.state.get<string>(stateKey));
  const priority = text(field(item, 'case', 'priority'));
  const contactId = text(field(item, 'contact', 'external', 'salesforceId')) ?? priorContact(item);
  const fields: JsonObject = {
    Subject: p.subject ?? text(field(item, 'case', 'subject')) ?? 'Social media case',
    Description: p.description ?? latestMentionText(item),
    Status: p.status,
    Origin: p.origin,
    ...(priority && priority in casePriority
      ? { Priority: casePriority[priority as keyof typeof casePriority] }
      : {}),
    ...(contactId ? { ContactId: contactId } : {}),
    ...p.fields,
  };
  const result = await upsertSalesforceCase(api, {
    knownId: knownId ?? undefined,
    externalId: p.externalIdField ? { field: p.externalIdField, value: key } : undefined,
    fields,
  });
  await ctx.state.set(stateKey, result.id);
  await linkExternal(ctx.data, collections.cases, localCase, 'salesforceCaseId', result.id);
  return result;
}

function priorContact(item: Item): string | undefined {
  return field(item, 'salesforce', 'object') === 'Contact'
    ? text(field(item, 'salesforce', 'id'))
    : undefined;
}
