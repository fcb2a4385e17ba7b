import { useSyncExternalStore } from 'react';

/**
 * The pages: the workflows list at `#/`, a workflow at `#/workflows/<id>`, the CRM inbox at
 * `#/inbox[/<caseId>]`, stored reports at `#/reports[/<reportId>]` and workspace variables at
 * `#/variables`.
 */
export type Route =
  | { page: 'list' }
  | { page: 'editor'; workflowId: string; executionId?: string }
  | { page: 'inbox'; caseId?: string }
  | { page: 'reports'; reportId?: string }
  | { page: 'variables' };

const decode = (part: string | undefined) => (part ? decodeURIComponent(part) : undefined);

function sectionRoute(hash: string): Route | undefined {
  if (/^#\/variables\/?$/.test(hash)) return { page: 'variables' };
  const match = /^#\/(inbox|reports)(?:\/([^/?]+))?/.exec(hash);
  if (!match) return undefined;
  const id = decode(match[2]);
  if (match[1] === 'inbox') return id ? { page: 'inbox', caseId: id } : { page: 'inbox' };
  return id ? { page: 'reports', reportId: id } : { page: 'reports' };
}

export function parseRoute(hash: string): Route {
  const section = sectionRoute(hash);
  if (section) return section;
  const match = /^#\/workflows\/([^/?]+)(?:\/executions\/([^/?]+))?/.exec(hash);
  if (!match?.[1]) return { page: 'list' };
  const route: Route = { page: 'editor', workflowId: decodeURIComponent(match[1]) };
  if (match[2]) route.executionId = decodeURIComponent(match[2]);
  return route;
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'list':
      return '#/';
    case 'inbox':
      return route.caseId ? `#/inbox/${encodeURIComponent(route.caseId)}` : '#/inbox';
    case 'reports':
      return route.reportId ? `#/reports/${encodeURIComponent(route.reportId)}` : '#/reports';
    case 'variables':
      return '#/variables';
    case 'editor': {
      const base = `#/workflows/${encodeURIComponent(route.workflowId)}`;
      return route.executionId ? `${base}/executions/${encodeURIComponent(route.executionId)}` : base;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
