import type { Member, Queue } from '../records/team.js';
import type { Needs } from './matching.js';
import { leastLoaded, pickBy, type Strategy } from './strategies.js';

export type Rule = Strategy | 'sticky' | 'on-call' | 'capacity' | 'unstaffed';

export interface RouteRequest {
  /** Candidates in walk order: a queue's members, or every member. */
  pool: Member[];
  /** The queue the case is routed in; null when routing over every member. */
  queue: string | null;
  onCall: { queue: Queue; members: Member[] } | undefined;
  strategy: Strategy;
  stickyOwner: string | null;
  needs: Needs;
  loads: ReadonlyMap<string, number>;
  lastPicked: string | undefined;
  working: (member: Member) => boolean;
}

export interface RouteDecision {
  owner: string | null;
  queue: string | null;
  rule: Rule;
  reason: string;
}

const hasRoom = (loads: ReadonlyMap<string, number>) => (member: Member) =>
  (loads.get(member.id) ?? 0) < member.capacity;

/**
 * Who takes a case, and why. In order: the contact's previous owner when they can take it
 * (sticky), then the strategy among members within working hours with room; when everyone in
 * hours is full the case waits in its queue; when nobody is in hours it goes to the on-call queue.
 */
export function route(request: RouteRequest): RouteDecision {
  const { pool, queue, loads } = request;
  const active = pool.filter((member) => member.active);
  const where = queue ? `queue ${queue}` : 'the team';
  if (active.length === 0) {
    return { owner: null, queue, rule: 'unstaffed', reason: `no active members in ${where}` };
  }
  const working = active.filter(request.working);
  const open = working.filter(hasRoom(loads));
  const sticky = request.stickyOwner ? open.find((member) => member.id === request.stickyOwner) : undefined;
  if (sticky) {
    return {
      owner: sticky.id,
      queue,
      rule: 'sticky',
      reason: `sticky: ${sticky.id} handled this contact's previous case and is available`,
    };
  }
  const pick = pickBy(request.strategy, {
    open,
    pool: active,
    loads,
    lastPicked: request.lastPicked,
    needs: request.needs,
  });
  const stickyNote = request.stickyOwner ? `previous owner ${request.stickyOwner} unavailable; ` : '';
  if (pick) return { owner: pick.member.id, queue, rule: pick.rule, reason: stickyNote + pick.reason };
  if (working.length > 0) {
    return {
      owner: null,
      queue,
      rule: 'capacity',
      reason: `all ${working.length} members of ${where} within working hours are at capacity; waiting in the queue`,
    };
  }
  const members = active.length === 1 ? 'the only member' : `all ${active.length} members`;
  return onCall(request, `outside working hours of ${members} of ${where}`);
}

function onCall(request: RouteRequest, why: string): RouteDecision {
  const { onCall, loads } = request;
  if (!onCall) {
    return {
      owner: null,
      queue: request.queue,
      rule: 'unstaffed',
      reason: `${why}; no on-call queue is set up`,
    };
  }
  const members = onCall.members.filter((member) => member.active && hasRoom(loads)(member));
  const pick = leastLoaded({
    open: members,
    pool: members,
    loads,
    lastPicked: undefined,
    needs: { skills: [] },
  });
  const target = `on-call queue ${onCall.queue.id}`;
  if (!pick) {
    return {
      owner: null,
      queue: onCall.queue.id,
      rule: 'on-call',
      reason: `${why}; ${target} has nobody with room`,
    };
  }
  return {
    owner: pick.member.id,
    queue: onCall.queue.id,
    rule: 'on-call',
    reason: `${why}; ${target}, ${pick.reason}`,
  };
}
