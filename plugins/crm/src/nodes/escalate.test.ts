import type { JsonObject } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { type Case, caseSchema } from '../records/case.js';
import { recordsOf, runWith } from '../test-support/seeded.test-support.js';
import { escalateNode } from './escalate.js';

const now = new Date('2025-03-05T10:00:00Z');

function aCase(id: string, fields: Partial<Case>): JsonObject {
  const value = caseSchema.parse({
    id,
    topic: 'refund',
    subject: `Case ${id}`,
    status: 'open',
    priority: 'normal',
    owner: 'ana',
    queue: 'care',
    openedAt: '2025-03-04T10:00:00Z',
    updatedAt: '2025-03-04T10:00:00Z',
    ...fields,
  });
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

const seed = {
  cases: {
    late: aCase('late', { slaDueAt: '2025-03-05T09:15:00.000Z' }),
    soon: aCase('soon', { slaDueAt: '2025-03-05T10:20:00.000Z' }),
    later: aCase('later', { slaDueAt: '2025-03-05T15:00:00.000Z' }),
    waiting: aCase('waiting', { status: 'pending', slaDueAt: '2025-03-05T08:00:00.000Z' }),
    done: aCase('done', { status: 'resolved', slaDueAt: '2025-03-05T08:00:00.000Z' }),
    top: aCase('top', { escalationLevel: 3, slaDueAt: '2025-03-05T08:00:00.000Z' }),
  },
};

const ids = (items: JsonObject[] | undefined) =>
  (items ?? []).map((item) => (item.case as { id: string }).id);

describe('crm/escalate', () => {
  it('escalates open cases past due and warns about those due soon, leaving the rest', async () => {
    const result = await runWith(escalateNode, seed, {
      input: [{}],
      now,
      params: { queue: 'escalations', owner: 'lead' },
    });
    expect(ids(result.output.escalated)).toEqual(['late']);
    expect(ids(result.output.dueSoon)).toEqual(['soon']);
    const late = recordsOf(result, 'cases').get('late') as Case;
    expect(late).toMatchObject({
      priority: 'high',
      queue: 'escalations',
      owner: 'lead',
      escalationLevel: 1,
      slaDueAt: '2025-03-05T14:00:00.000Z',
    });
    expect(late.history.at(-1)).toMatchObject({
      action: 'escalated',
      reason: 'SLA due at 2025-03-05T09:15:00.000Z passed 45 min ago; escalation level 1',
      changes: { owner: { from: 'ana', to: 'lead' } },
    });
    expect(result.output.escalated?.[0]?.escalation).toMatchObject({
      level: 1,
      from: { owner: 'ana', priority: 'normal' },
    });
  });

  it('warns once per due time and escalates again only after the new due time passes', async () => {
    const first = await runWith(escalateNode, seed, { input: [{}], now });
    const sameHour = await runWith(escalateNode, first.data, { input: [{}], now, executionId: 'e2' });
    expect(ids(sameHour.output.escalated)).toEqual([]);
    expect(ids(sameHour.output.dueSoon)).toEqual([]);
    const later = new Date('2025-03-05T14:30:00Z');
    const next = await runWith(escalateNode, sameHour.data, { input: [{}], now: later, executionId: 'e3' });
    expect(ids(next.output.escalated)).toEqual(['soon', 'late']);
    expect(ids(next.output.dueSoon)).toEqual(['later']);
    expect(recordsOf(next, 'cases').get('late')).toMatchObject({ priority: 'urgent', escalationLevel: 2 });
  });

  it('emits the same cases when a run is replayed, without escalating them twice', async () => {
    const first = await runWith(escalateNode, seed, { input: [{}], now });
    const replay = await runWith(escalateNode, first.data, { input: [{}], now });
    expect(ids(replay.output.escalated)).toEqual(['late']);
    expect(recordsOf(replay, 'cases').get('late')).toMatchObject({ escalationLevel: 1 });
  });
});
