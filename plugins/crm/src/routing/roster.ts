import type { DataCapability, LogCapability } from '@sbss/sdk';
import { collections } from '../records/collections.js';
import { type Member, memberSchema, type Queue, queueSchema } from '../records/team.js';

/** A workspace has tens of members, not thousands; one page holds them all. */
const maxRecords = 1000;

export interface Roster {
  members: Map<string, Member>;
  queues: Map<string, Queue>;
}

/**
 * Members and queues as set up by `crm/setup-team` or edited in the workspace. A record that
 * no longer parses is skipped with a warning rather than stopping all routing.
 */
export async function loadRoster(data: DataCapability, log: LogCapability): Promise<Roster> {
  const [memberRecords, queueRecords] = await Promise.all([
    data.query(collections.members, { limit: maxRecords, orderBy: 'key' }),
    data.query(collections.queues, { limit: maxRecords, orderBy: 'key' }),
  ]);
  const members = new Map<string, Member>();
  for (const record of memberRecords) {
    const parsed = memberSchema.safeParse(record.data);
    if (parsed.success) members.set(parsed.data.id, parsed.data);
    else log.warn(`Member record ${record.key} is invalid and is skipped`, { issues: parsed.error.message });
  }
  const queues = new Map<string, Queue>();
  for (const record of queueRecords) {
    const parsed = queueSchema.safeParse(record.data);
    if (parsed.success) queues.set(parsed.data.id, parsed.data);
    else log.warn(`Queue record ${record.key} is invalid and is skipped`, { issues: parsed.error.message });
  }
  return { members, queues };
}

/** A queue's members in its own order, or every member sorted by id. */
export function poolOf(roster: Roster, queueId: string | null): Member[] {
  if (queueId === null) return [...roster.members.values()].sort((a, b) => a.id.localeCompare(b.id));
  const queue = roster.queues.get(queueId);
  return (queue?.members ?? []).flatMap((id) => {
    const member = roster.members.get(id);
    return member ? [member] : [];
  });
}
