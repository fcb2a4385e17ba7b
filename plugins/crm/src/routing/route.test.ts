import { describe, expect, it } from 'vitest';
import { type Member, memberSchema, queueSchema } from '../records/team.js';
import { type RouteRequest, route } from './route.js';

const member = (id: string, fields: Partial<Member> = {}): Member =>
  memberSchema.parse({ id, name: id, ...fields });
const ana = member('ana', { skills: ['billing'], languages: ['zh'], regions: ['CN'], capacity: 2 });
const ben = member('ben', { skills: ['tech'], languages: ['zh-Hant', 'en'], regions: ['HK'] });
const cai = member('cai', { skills: ['billing', 'tech'], languages: ['en'], capacity: 1 });
const olga = member('olga');

function request(fields: Partial<RouteRequest> = {}): RouteRequest {
  return {
    pool: [ana, ben, cai],
    queue: 'care',
    onCall: {
      queue: queueSchema.parse({ id: 'on-call', name: 'On call', members: ['olga'], onCall: true }),
      members: [olga],
    },
    strategy: 'round-robin',
    stickyOwner: null,
    needs: { skills: [] },
    loads: new Map(),
    lastPicked: undefined,
    working: () => true,
    ...fields,
  };
}

describe('route', () => {
  it('walks the queue in turn and wraps around', () => {
    expect(route(request()).owner).toBe('ana');
    expect(route(request({ lastPicked: 'ana' })).owner).toBe('ben');
    expect(route(request({ lastPicked: 'cai' })).owner).toBe('ana');
  });

  it('skips a member at capacity in round robin', () => {
    const decision = route(request({ lastPicked: 'ben', loads: new Map([['cai', 1]]) }));
    expect(decision).toMatchObject({ owner: 'ana', rule: 'round-robin' });
  });

  it('picks the member with the fewest open cases, ties to the most spare capacity', () => {
    expect(
      route(
        request({
          strategy: 'least-loaded',
          loads: new Map([
            ['ana', 1],
            ['ben', 1],
          ]),
        }),
      ).owner,
    ).toBe('cai');
    const tie = route(
      request({
        strategy: 'least-loaded',
        loads: new Map([
          ['ana', 1],
          ['ben', 1],
          ['cai', 0],
        ]),
        pool: [ana, ben],
      }),
    );
    expect(tie).toMatchObject({ owner: 'ben', reason: 'least loaded: ben holds 1 open case of 20' });
  });

  it('matches skills, language and region, with zh covering zh-Hans', () => {
    const decision = route(
      request({ strategy: 'match', needs: { skills: ['billing'], language: 'zh-Hans', region: 'CN' } }),
    );
    expect(decision.owner).toBe('ana');
    expect(decision.reason).toMatch(/^matches skill billing, language zh-Hans, region CN/);
  });

  it('falls back to the best partial match and says what is missing', () => {
    const decision = route(request({ strategy: 'match', needs: { skills: ['tech'], language: 'ja' } }));
    expect(decision.owner).toBe('ben');
    expect(decision.reason).toContain('missing language ja');
  });

  it("gives a returning contact's case to the previous owner when available", () => {
    expect(route(request({ stickyOwner: 'cai' }))).toMatchObject({ owner: 'cai', rule: 'sticky' });
    const full = route(request({ stickyOwner: 'cai', loads: new Map([['cai', 1]]) }));
    expect(full).toMatchObject({ owner: 'ana', rule: 'round-robin' });
    expect(full.reason).toMatch(/^previous owner cai unavailable/);
  });

  it('sends the case to the on-call queue when nobody is within working hours', () => {
    const decision = route(request({ working: () => false }));
    expect(decision).toMatchObject({ owner: 'olga', queue: 'on-call', rule: 'on-call' });
    expect(decision.reason).toMatch(/^outside working hours of all 3 members of queue care/);
  });

  it('leaves the case waiting in its queue when everyone at work is full', () => {
    const loads = new Map([
      ['ana', 2],
      ['ben', 20],
      ['cai', 1],
    ]);
    expect(route(request({ loads }))).toMatchObject({ owner: null, queue: 'care', rule: 'capacity' });
  });

  it('says so when there is no on-call queue', () => {
    const decision = route(request({ working: () => false, onCall: undefined }));
    expect(decision).toMatchObject({ owner: null, rule: 'unstaffed' });
    expect(decision.reason).toContain('no on-call queue');
  });

  it('ignores inactive members', () => {
    const decision = route(request({ pool: [{ ...ana, active: false }, ben] }));
    expect(decision.owner).toBe('ben');
  });
});
