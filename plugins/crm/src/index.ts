import { definePlugin } from '@sbss/sdk';
import { hubspotToken, salesforceOAuth, webhookSecret } from './credentials.js';
import { assignNode } from './nodes/assign.js';
import { escalateNode } from './nodes/escalate.js';
import { hubspotNode } from './nodes/hubspot.js';
import { openCaseNode } from './nodes/open-case.js';
import { salesforceNode } from './nodes/salesforce.js';
import { setupTeamNode } from './nodes/setup-team.js';
import { upsertContactNode } from './nodes/upsert-contact.js';
import { webhookNode } from './nodes/webhook.js';

export type { Case, HistoryEntry, MentionSnapshot, Priority } from './records/case.js';
export { collections } from './records/collections.js';
export type { Contact } from './records/contact.js';
export type { Member, Queue } from './records/team.js';

export default definePlugin({
  name: 'crm',
  version: '0.1.0',
  title: { en: 'CRM routing', 'zh-Hans': 'CRM 工单分配', 'zh-Hant': 'CRM 工單分配' },
  nodes: [
    setupTeamNode,
    upsertContactNode,
    openCaseNode,
    assignNode,
    escalateNode,
    hubspotNode,
    salesforceNode,
    webhookNode,
  ],
  credentials: [hubspotToken, salesforceOAuth, webhookSecret],
  permissions: { httpHosts: ['api.hubapi.com', '*.salesforce.com', '*.my.salesforce.com'] },
});
