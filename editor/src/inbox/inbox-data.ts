import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { type Actor, applyCaseChange, type CaseChange, changesSomething } from './case-actions';
import { type CaseFilters, caseQuery } from './case-filters';
import {
  type CaseStatus,
  type CaseView,
  type Contact,
  jsonData,
  readCase,
  readContact,
  readMember,
  readQueue,
  statusOf,
} from './case-record';
import type { Team } from './team';

/** The CRM plugin's collections (plugins/crm/src/records/collections.ts). */
const collections = { cases: 'cases', contacts: 'contacts', members: 'members', queues: 'queues' } as const;

export async function loadCases(filters: CaseFilters): Promise<CaseView[]> {
  return (await api.listRecords(collections.cases, caseQuery(filters))).items.map(readCase);
}

export async function loadStatusCounts(): Promise<Record<CaseStatus, number>> {
  const counts: Record<CaseStatus, number> = { open: 0, pending: 0, resolved: 0 };
  for (const row of (await api.countRecords(collections.cases, 'status')).rows) {
    const status = statusOf(row.group);
    if (status) counts[status] = row.count;
  }
  return counts;
}

export async function loadTeam(): Promise<Team> {
  const [members, queues] = await Promise.all([
    api.listRecords(collections.members, { orderBy: 'key', limit: 1000 }),
    api.listRecords(collections.queues, { orderBy: 'key', limit: 1000 }),
  ]);
  return { members: members.items.map(readMember), queues: queues.items.map(readQueue) };
}

async function getOrUndefined<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

export async function loadCase(id: string): Promise<CaseView | undefined> {
  const record = await getOrUndefined(api.getRecord(collections.cases, id));
  return record && readCase(record);
}

export async function loadContact(id: string): Promise<Contact | undefined> {
  const record = await getOrUndefined(api.getRecord(collections.contacts, id));
  return record && readContact(record);
}

/** A reassigned owner becomes the contact's sticky owner, as `crm/assign` does when it routes. */
async function noteStickyOwner(contactId: string, owner: string): Promise<void> {
  const record = await getOrUndefined(api.getRecord(collections.contacts, contactId));
  if (!record || record.data.ownerId === owner) return;
  await api.putRecord(collections.contacts, contactId, { ...jsonData(record), ownerId: owner });
}

/** Attempts at a change before giving up, when workflows keep writing the same case. */
const changeAttempts = 3;

/**
 * Applies a change to the case as stored now, not as the page last showed it: a workflow may
 * have appended a mention or escalated it meanwhile. The PUT replaces the whole record, so it
 * names the version it was made from; if the case was written in between (409), the change is
 * made again on the case as it is then.
 */
export async function changeCase(id: string, change: CaseChange, actor: Actor): Promise<CaseView> {
  for (let attempt = 1; ; attempt++) {
    const record = await getOrUndefined(api.getRecord(collections.cases, id));
    if (!record) throw new ApiError(404, { code: 'NOT_FOUND', message: `No case ${id}` });
    const current = readCase(record);
    // Someone may have made the same change meanwhile; a second entry saying so would be noise.
    if (!changesSomething(current, change)) return current;
    try {
      const next = applyCaseChange(current, change, actor);
      const saved = readCase(await api.putRecord(collections.cases, id, next, record.updatedAt));
      if (change.kind === 'reassign' && change.owner && saved.contactId)
        await noteStickyOwner(saved.contactId, change.owner);
      return saved;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409) || attempt === changeAttempts) throw error;
    }
  }
}
