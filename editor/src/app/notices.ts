import { useSyncExternalStore } from 'react';
import { ApiError } from '../api/api-error';

/** Messages shown at the top of the page: failed requests and short confirmations. */
export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  code?: string;
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function notify(kind: Notice['kind'], text: string, code?: string): void {
  const notice: Notice = { id: nextId++, kind, text };
  if (code) notice.code = code;
  notices = [...notices.slice(-4), notice];
  emit();
  if (kind === 'info') setTimeout(() => dismiss(notice.id), 4000);
}

export function notifyError(error: unknown): void {
  if (error instanceof ApiError) notify('error', error.message, error.code);
  else notify('error', error instanceof Error ? error.message : String(error));
}

export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notices,
  );
}
