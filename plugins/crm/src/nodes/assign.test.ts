import type { JsonObject } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import type { Case } from '../records/case.js';
import { recordsOf, runWith } from '../test-support/seeded.test-support.js';
import {
  mention,
  saturdayShanghai,
  teamYaml,
  wednesdayMorningShanghai,
} from '../test-support/team.test-support.js';
import { assignNode } from './assign.js';
import { openCaseNode } from './open-case.js';
import { setupTeamNode } from './setup-team.js';
import { upsertContactNode } from './upsert-contact.js';

const now = wednesdayMorningShanghai;

/** A team plus one case per mention, each from its own author, as the nodes upstream write them. */
async function workspace(mentions: JsonObject[], openParams: JsonObject = { queue: 'care' }) {
  const team = await runNode(setupTeamNode, { params: { team: teamYaml } });
  const contacts = await runWith(upsertContactNode, team.data, { input: mentions, now });
  const opened = await runWith(openCaseNode, contacts.data, {
    input: contacts.output.main ?? [],
    params: openParams,
    now,
  });
  return { data: opened.data, items: opened.output.main ?? [] };
}

const authors = (count: number) =>
  Array.from({ length: count }, (_, n) => mention(`m${n}`, { author: { id: `u${n}`, name: `User ${n}` } }));

const owners = (output: JsonObject[] | undefined) =>
  (output ?? []).map((item) => (item.assignment as { owner: string | null }).owner);

describe('crm/assign', () => {
  it('hands cases out in turn and keeps the turn across runs', async () => {
    const { data, items } = await workspace(authors(4));
    const first = await runWith(assignNode, data, {
      input: items.slice(0, 2),
      now,
      params: { sticky: false },
    });
    expect(owners(first.output.main)).toEqual(['ana', 'ben']);
    const second = await runWith(assignNode, first.data, {
      input: items.slice(2),
      now,
      params: { sticky: false },
      state: Object.fromEntries(first.state),
      executionId: 'e2',
    });
    // cai (capacity 1) takes one, then the turn wraps to ana.
    expect(owners(second.output.main)).toEqual(['cai', 'ana']);
  });

  it('records the owner, queue, SLA due time and the reason in the case history', async () => {
    const { data, items } = await workspace(authors(1));
    const result = await runWith(assignNode, data, { input: items, now, params: { sla: { normal: 120 } } });
    const assigned = recordsOf(result, 'cases').values().next().value as Case;
    expect(assigned).toMatchObject({ owner: 'ana', queue: 'care', slaDueAt: '2025-03-05T04:00:00.000Z' });
    expect(assigned.history.at(-1)).toMatchObject({
      action: 'assigned',
      by: 'workflow:test-workflow/assign',
      reason: 'round robin: ana is first in turn',
      changes: { owner: { from: null, to: 'ana' } },
    });
  });

  it('balances by open cases with least loaded, counting cases assigned earlier in the batch', async () => {
    const { data, items } = await workspace(authors(5));
    const result = await runWith(assignNode, data, {
      input: items,
      now,
      params: { strategy: 'least-loaded', sticky: false },
    });
    expect(owners(result.output.main)).toEqual(['ana', 'ben', 'cai', 'ana', 'ben']);
  });

  it('matches the case language and skills to a member', async () => {
    const cantonese = mention('m1', { lang: 'zh-Hant', author: { id: 'hk1', name: 'HK' } });
    const { data, items } = await workspace([cantonese], { queue: 'care', skills: ['tech'] });
    const result = await runWith(assignNode, data, { input: items, now, params: { strategy: 'match' } });
    expect(result.output.main?.[0]?.assignment).toMatchObject({ owner: 'ben', rule: 'match' });
  });

  it("gives a returning contact's new case to the owner of their previous one", async () => {
    const { data, items } = await workspace([
      mention('m1', { topics: ['refund'] }),
      mention('m2', { topics: ['delivery'] }),
    ]);
    const first = await runWith(assignNode, data, {
      input: items.slice(0, 1),
      now,
      params: { strategy: 'least-loaded' },
    });
    const again = await runWith(assignNode, first.data, {
      input: items.slice(1),
      now,
      params: { strategy: 'least-loaded' },
    });
    expect(again.output.main?.[0]?.assignment).toMatchObject({ owner: 'ana', rule: 'sticky' });
  });

  it('sends cases to the on-call queue outside working hours', async () => {
    const { data, items } = await workspace(authors(1));
    const result = await runWith(assignNode, data, { input: items, now: saturdayShanghai });
    expect(result.output.main?.[0]?.assignment).toMatchObject({
      owner: 'olga',
      queue: 'on-call',
      rule: 'on-call',
    });
  });

  it('leaves owned cases alone unless asked to reassign, and replays without writing twice', async () => {
    const { data, items } = await workspace(authors(1));
    const first = await runWith(assignNode, data, { input: items, now });
    const kept = await runWith(assignNode, first.data, { input: items, now, executionId: 'e2' });
    expect(kept.output.main?.[0]?.assignment).toMatchObject({ owner: 'ana', rule: 'kept' });
    const replay = await runWith(assignNode, first.data, { input: items, now, params: { reassign: true } });
    expect(replay.output.main?.[0]?.assignment).toMatchObject({ owner: 'ana', rule: 'replayed' });
    const history = (recordsOf(replay, 'cases').values().next().value as Case).history;
    expect(history.filter((entry) => entry.action === 'assigned')).toHaveLength(1);
  });

  it('fails clearly for an item without a case', async () => {
    await expect(runNode(assignNode, { input: [{ text: 'x' }] })).rejects.toMatchObject({
      code: 'CASE_MISSING',
    });
  });
});
