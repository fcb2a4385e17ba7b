import { useSyncExternalStore } from 'react';

/** The pages: the list at `#/`, a workflow at `#/workflows/<id>`. */
export type Route = { page: 'list' } | { page: 'editor'; workflowId: string; executionId?: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/workflows\/([^/?]+)(?:\/executions\/([^/?]+))?/.exec(hash);
  if (!match?.[1]) return { page: 'list' };
  const route: Route = { page: 'editor', workflowId: decodeURIComponent(match[1]) };
  if (match[2]) route.executionId = decodeURIComponent(match[2]);
  return route;
}

export function routeHref(route: Route): string {
  if (route.page === 'list') return '#/';
  const base = `#/workflows/${encodeURIComponent(route.workflowId)}`;
  return route.executionId ? `${base}/executions/${encodeURIComponent(route.executionId)}` : base;
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
