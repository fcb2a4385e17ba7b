import type { Member, Queue } from './case-record';

/** The people and queues cases are routed to (the `members` and `queues` collections). */
export interface Team {
  members: Member[];
  queues: Queue[];
}

export const emptyTeam: Team = { members: [], queues: [] };

/** A member's name, else the id as stored (the member may have been removed since). */
export function memberName(team: Team, id: string | null): string | undefined {
  if (!id) return undefined;
  return team.members.find((member) => member.id === id)?.name ?? id;
}

export function queueName(team: Team, id: string | null): string | undefined {
  if (!id) return undefined;
  return team.queues.find((queue) => queue.id === id)?.name ?? id;
}
