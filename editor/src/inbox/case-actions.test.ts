import { describe, expect, it } from 'vitest';
import { applyCaseChange, changesSomething } from './case-actions';
import { caseView } from './case-fixture.test-support';

const at = new Date('2025-03-06T01:00:00.000Z');
const actor = { who: 'olga', at };

describe('case changes made in the Inbox', () => {
  it('reassigns with a history entry listing only the fields that changed', () => {
    const next = applyCaseChange(caseView(), { kind: 'reassign', owner: 'ben', queue: 'care' }, actor);
    expect(next).toMatchObject({ owner: 'ben', queue: 'care', updatedAt: at.toISOString() });
    expect(next.history).toEqual([
      expect.objectContaining({ action: 'opened' }),
      {
        at: at.toISOString(),
        by: 'user:olga',
        action: 'reassigned',
        reason: 'reassigned',
        changes: { owner: { from: 'ana', to: 'ben' } },
      },
    ]);
  });

  it('keeps every field it does not change, including ones it does not know', () => {
    const next = applyCaseChange(
      caseView({ custom: { a: 1 } }),
      { kind: 'priority', priority: 'urgent' },
      actor,
    );
    expect(next).toMatchObject({
      custom: { a: 1 },
      external: { hubspotTicketId: '77' },
      mentionIds: ['weibo:m1'],
    });
  });

  it('records the user’s note as the reason', () => {
    const next = applyCaseChange(
      caseView(),
      { kind: 'status', status: 'pending' },
      { ...actor, note: ' waiting for the customer ' },
    );
    expect(next.history).toContainEqual(
      expect.objectContaining({ action: 'pending', reason: 'waiting for the customer' }),
    );
  });

  it('stamps resolvedAt when resolving and clears it when reopening', () => {
    const resolved = applyCaseChange(caseView(), { kind: 'status', status: 'resolved' }, actor);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: at.toISOString() });
    expect(Array.isArray(resolved.history) && resolved.history.at(-1)).toMatchObject({
      action: 'resolved',
      changes: { status: { from: 'open', to: 'resolved' }, resolvedAt: { from: null, to: at.toISOString() } },
    });

    const reopened = applyCaseChange(caseView(resolved), { kind: 'status', status: 'open' }, actor);
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null });
    expect(Array.isArray(reopened.history) && reopened.history.at(-1)).toMatchObject({ action: 'reopened' });
  });

  it('calls taking a pending case back to work resuming it', () => {
    const next = applyCaseChange(caseView({ status: 'pending' }), { kind: 'status', status: 'open' }, actor);
    expect(Array.isArray(next.history) && next.history.at(-1)).toMatchObject({
      action: 'resumed',
      changes: { status: { from: 'pending', to: 'open' } },
    });
  });

  it('tells a real change from a no-op', () => {
    expect(changesSomething(caseView(), { kind: 'reassign', owner: 'ana', queue: 'care' })).toBe(false);
    expect(changesSomething(caseView(), { kind: 'reassign', owner: null, queue: 'care' })).toBe(true);
    expect(changesSomething(caseView(), { kind: 'status', status: 'open' })).toBe(false);
  });
});
