import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routeHref } from './hash-route';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { page: 'list' }],
    ['#/workflows/w1/executions/e1', { page: 'editor', workflowId: 'w1', executionId: 'e1' }],
    ['#/inbox', { page: 'inbox' }],
    ['#/inbox/cs_1', { page: 'inbox', caseId: 'cs_1' }],
    ['#/reports', { page: 'reports' }],
    ['#/reports/r%201', { page: 'reports', reportId: 'r 1' }],
    ['#/variables', { page: 'variables' }],
  ])('reads %s as the page it names', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes every route back to a hash that reads as the same route', () => {
    const routes: Route[] = [
      { page: 'list' },
      { page: 'inbox', caseId: 'cs/1' },
      { page: 'reports', reportId: 'weekly' },
      { page: 'editor', workflowId: 'w1' },
      { page: 'variables' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
