import { describe, expect, it } from 'vitest';
import { caseView } from './case-fixture.test-support';
import { formatSpan, isOverdue, slaState } from './sla';

const due = '2025-03-06T02:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('SLA state', () => {
  it('counts down to the due time of an open case', () => {
    expect(slaState(caseView({ slaDueAt: due }), at('2025-03-06T01:15:00.000Z'))).toEqual({
      kind: 'due',
      ms: 45 * 60_000,
      dueAt: due,
    });
  });

  it('counts how long an open case is past due', () => {
    const item = caseView({ slaDueAt: due });
    expect(slaState(item, at('2025-03-06T03:00:00.000Z'))).toMatchObject({ kind: 'overdue', ms: 3_600_000 });
    expect(isOverdue(item, at('2025-03-06T03:00:00.000Z'))).toBe(true);
  });

  it('stops the clock of a pending case, even past due', () => {
    const item = caseView({ status: 'pending', slaDueAt: due });
    expect(slaState(item, at('2025-03-07T00:00:00.000Z'))).toEqual({ kind: 'paused' });
    expect(isOverdue(item, at('2025-03-07T00:00:00.000Z'))).toBe(false);
  });

  it('says whether a resolved case met its SLA', () => {
    const early = caseView({ status: 'resolved', slaDueAt: due, resolvedAt: '2025-03-06T01:00:00.000Z' });
    const late = caseView({ status: 'resolved', slaDueAt: due, resolvedAt: '2025-03-06T05:00:00.000Z' });
    expect(slaState(early, at('2025-03-08T00:00:00.000Z')).kind).toBe('met');
    expect(slaState(late, at('2025-03-08T00:00:00.000Z')).kind).toBe('missed');
  });

  it('has no state without a due time', () => {
    expect(slaState(caseView({ slaDueAt: null }), Date.now())).toEqual({ kind: 'none' });
  });
});

describe('formatSpan', () => {
  it('shows the two largest units in the UI language', () => {
    expect(formatSpan(80 * 60_000, 'en')).toBe('1 hr 20 min');
    expect(formatSpan(26 * 3_600_000, 'en')).toBe('1 day 2 hr');
    expect(formatSpan(80 * 60_000, 'zh-Hans')).toBe('1小时 20分钟');
  });

  it('drops a zero second unit and rounds anything under a minute up to one', () => {
    expect(formatSpan(2 * 3_600_000 + 30_000, 'en')).toBe('2 hr');
    expect(formatSpan(5_000, 'en')).toBe('1 min');
  });
});
