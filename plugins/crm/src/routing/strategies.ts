import type { Member } from '../records/team.js';
import { describeNeeds, matchScore, type Needs } from './matching.js';

export const strategies = ['round-robin', 'least-loaded', 'match'] as const;
export type Strategy = (typeof strategies)[number];

export interface Pick {
  member: Member;
  rule: Strategy;
  reason: string;
}

export interface PickContext {
  /** Members that may take the case now, in the pool's walk order. */
  open: Member[];
  /** The whole pool in walk order, so round robin keeps its place when someone is away. */
  pool: Member[];
  loads: ReadonlyMap<string, number>;
  lastPicked: string | undefined;
  needs: Needs;
}

const load = (context: PickContext, member: Member) => context.loads.get(member.id) ?? 0;

export function roundRobin(context: PickContext): Pick | undefined {
  const start = context.pool.findIndex((member) => member.id === context.lastPicked);
  const openIds = new Set(context.open.map((member) => member.id));
  for (let step = 1; step <= context.pool.length; step += 1) {
    const member = context.pool[(start + step) % context.pool.length];
    if (member && openIds.has(member.id)) {
      const after = context.lastPicked ? `next after ${context.lastPicked}` : 'first in turn';
      return { member, rule: 'round-robin', reason: `round robin: ${member.id} is ${after}` };
    }
  }
  return undefined;
}

/** Fewest open cases; ties go to the most spare capacity, then to pool order. */
export function leastLoaded(context: PickContext, among = context.open): Pick | undefined {
  let best: Member | undefined;
  for (const member of among) {
    if (!best) best = member;
    else {
      const diff = load(context, member) - load(context, best);
      const spare = member.capacity - load(context, member) - (best.capacity - load(context, best));
      if (diff < 0 || (diff === 0 && spare > 0)) best = member;
    }
  }
  if (!best) return undefined;
  const held = load(context, best);
  return {
    member: best,
    rule: 'least-loaded',
    reason: `least loaded: ${best.id} holds ${held} open case${held === 1 ? '' : 's'} of ${best.capacity}`,
  };
}

/** Members meeting every need (skills, language, region), least loaded first; else the best partial match. */
export function bestMatch(context: PickContext): Pick | undefined {
  const wanted = describeNeeds(context.needs);
  if (!wanted) {
    const pick = leastLoaded(context);
    return pick && { ...pick, rule: 'match', reason: `no skills, language or region asked; ${pick.reason}` };
  }
  const scored = context.open.map((member) => ({ member, score: matchScore(member, context.needs) }));
  const full = scored.filter((entry) => entry.score.full).map((entry) => entry.member);
  if (full.length > 0) {
    const pick = leastLoaded(context, full);
    return (
      pick && { ...pick, rule: 'match', reason: `matches ${wanted} (${full.length} can); ${pick.reason}` }
    );
  }
  const top = Math.max(0, ...scored.map((entry) => entry.score.score));
  const partial = scored.filter((entry) => entry.score.score === top);
  const pick = leastLoaded(
    context,
    partial.map((entry) => entry.member),
  );
  const score = partial.find((entry) => entry.member.id === pick?.member.id)?.score;
  if (!pick || !score) return undefined;
  const met =
    score.met.length > 0 ? `best partial match has ${score.met.join(', ')}` : 'nobody matches any of it';
  return {
    ...pick,
    rule: 'match',
    reason: `nobody matches all of ${wanted}; ${met}, missing ${score.missed.join(', ')}; ${pick.reason}`,
  };
}

export function pickBy(strategy: Strategy, context: PickContext): Pick | undefined {
  if (strategy === 'round-robin') return roundRobin(context);
  if (strategy === 'least-loaded') return leastLoaded(context);
  return bestMatch(context);
}
