import { describe, expect, it } from 'vitest';
import { caseQuery, defaultFilters, visibleCases } from './case-filters';
import { caseView } from './case-fixture.test-support';

const now = Date.parse('2025-03-06T12:00:00.000Z');
const hours = (n: number) => new Date(now + n * 3_600_000).toISOString();

describe('case filters', () => {
  it('asks the server for open cases by default', () => {
    expect(caseQuery(defaultFilters).where).toEqual({ status: 'open' });
  });

  it('sends priority, owner and queue as exact matches, "unassigned" as a null owner', () => {
    const query = caseQuery({
      ...defaultFilters,
      status: '',
      priority: 'urgent',
      owner: null,
      queue: 'care',
    });
    expect(query.where).toEqual({ priority: 'urgent', owner: null, queue: 'care' });
  });

  it('narrows "overdue" to open cases on the server and to past-due ones here', () => {
    const filters = { ...defaultFilters, status: '' as const, overdueOnly: true };
    expect(caseQuery(filters).where).toEqual({ status: 'open' });
    const late = caseView({ id: 'late', slaDueAt: hours(-1) });
    const onTime = caseView({ id: 'on-time', slaDueAt: hours(1) });
    expect(visibleCases([onTime, late], filters, now).map((item) => item.id)).toEqual(['late']);
  });

  it('orders overdue cases first, then by due time, then those without a running clock', () => {
    const items = [
      caseView({ id: 'paused', status: 'pending', slaDueAt: hours(-5) }),
      caseView({ id: 'later', slaDueAt: hours(3) }),
      caseView({ id: 'sooner', slaDueAt: hours(1) }),
      caseView({ id: 'late', slaDueAt: hours(-2) }),
      caseView({ id: 'no-sla', slaDueAt: null, priority: 'urgent' }),
    ];
    const order = visibleCases(items, { ...defaultFilters, status: '' }, now).map((item) => item.id);
    expect(order).toEqual(['late', 'sooner', 'later', 'no-sla', 'paused']);
  });
});
