import type { CollectionRecord } from '../api/contract';
import { type CaseView, type JsonRecord, readCase } from './case-record';

/** A case record as the CRM nodes store it, with the fields a test cares about. */
export function caseData(fields: JsonRecord = {}): JsonRecord {
  return {
    id: 'cs_1',
    contactId: 'ct_1',
    topic: 'refund',
    subject: 'Refund not received',
    status: 'open',
    priority: 'high',
    owner: 'ana',
    queue: 'care',
    slaDueAt: '2025-03-06T02:00:00.000Z',
    openedAt: '2025-03-05T22:00:00.000Z',
    updatedAt: '2025-03-05T22:00:00.000Z',
    resolvedAt: null,
    escalationLevel: 0,
    mentionIds: ['weibo:m1'],
    mentions: [{ id: 'm1', source: 'weibo', text: 'Where is my refund?', author: { name: 'Wang' } }],
    history: [{ at: '2025-03-05T22:00:00.000Z', by: 'workflow:wf/open', action: 'opened', key: 'k1' }],
    external: { hubspotTicketId: '77' },
    ...fields,
  };
}

export function caseRecord(fields: JsonRecord = {}): CollectionRecord {
  const data = caseData(fields);
  return {
    key: String(data.id),
    data,
    createdAt: '2025-03-05T22:00:00.000Z',
    updatedAt: '2025-03-05T22:00:00.000Z',
  };
}

export function caseView(fields: JsonRecord = {}): CaseView {
  return readCase(caseRecord(fields));
}
