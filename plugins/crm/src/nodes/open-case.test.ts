import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import type { Case } from '../records/case.js';
import { asJson } from '../records/json-record.js';
import { recordsOf, runWith } from '../test-support/seeded.test-support.js';
import { mention, wednesdayMorningShanghai } from '../test-support/team.test-support.js';
import { openCaseNode } from './open-case.js';

const now = wednesdayMorningShanghai;
const withContact = (id: string, fields = {}) => ({ ...mention(id, fields), contact: { id: 'ct_1' } });

describe('crm/open-case', () => {
  it('opens a case with the mention snapshot, an SLA due time and an opening entry in its history', async () => {
    const result = await runNode(openCaseNode, {
      input: [withContact('m1')],
      params: { priority: 'high' },
      now,
    });
    const [item] = result.output.main ?? [];
    expect(item?.caseAction).toBe('opened');
    const opened = item?.case as Case;
    expect(opened).toMatchObject({
      contactId: 'ct_1',
      topic: 'refund',
      status: 'open',
      priority: 'high',
      owner: null,
      slaDueAt: '2025-03-05T06:00:00.000Z',
      mentionIds: ['weibo:m1'],
      mentions: [{ id: 'm1', sentiment: { label: 'negative' } }],
    });
    expect(opened.history).toEqual([
      expect.objectContaining({
        action: 'opened',
        reason: 'mention weibo:m1',
        by: 'workflow:test-workflow/open-case',
      }),
    ]);
    expect(recordsOf(result, 'case-keys').get('open:ct_1:refund')).toEqual({ caseId: opened.id });
  });

  it('appends a mention on the same topic to the open case instead of opening another', async () => {
    const first = await runNode(openCaseNode, { input: [withContact('m1')], now });
    const second = await runWith(openCaseNode, first.data, {
      input: [withContact('m2', { priority: 'urgent' }), withContact('m2')],
      now,
      executionId: 'e2',
    });
    expect((second.output.main ?? []).map((item) => item.caseAction)).toEqual(['appended', 'unchanged']);
    const cases = [...recordsOf(second, 'cases').values()] as Case[];
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ mentionIds: ['weibo:m1', 'weibo:m2'], priority: 'urgent' });
    expect(cases[0]?.history.at(-1)).toMatchObject({
      action: 'appended',
      reason: 'mention weibo:m2; priority raised to urgent',
      changes: { priority: { from: 'normal', to: 'urgent' }, slaDueAt: { to: '2025-03-05T03:00:00.000Z' } },
    });
  });

  it('opens a separate case for another topic or once the earlier case is resolved', async () => {
    const first = await runNode(openCaseNode, { input: [withContact('m1')], now });
    const [existing] = [...recordsOf(first, 'cases').values()] as Case[];
    const otherTopic = await runWith(openCaseNode, first.data, {
      input: [withContact('m2', { topics: ['delivery'] })],
      executionId: 'e2',
    });
    expect(otherTopic.output.main?.[0]?.caseAction).toBe('opened');
    const resolved = { cases: { [existing?.id ?? '']: asJson({ ...existing, status: 'resolved' }) } };
    const afterResolve = await runWith(openCaseNode, resolved, {
      input: [withContact('m3')],
      executionId: 'e3',
    });
    expect(afterResolve.output.main?.[0]?.caseAction).toBe('opened');
  });

  it('writes nothing twice when the same step is replayed', async () => {
    const first = await runNode(openCaseNode, {
      input: [{ ...mention('m1'), author: { name: 'anon' } }],
      now,
    });
    const replay = await runWith(openCaseNode, first.data, {
      input: [{ ...mention('m1'), author: { name: 'anon' } }],
      now,
    });
    expect(replay.output.main?.[0]?.caseAction).toBe('unchanged');
    expect(recordsOf(replay, 'cases').size).toBe(1);
  });
});
