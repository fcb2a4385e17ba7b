/**
 * Undo/redo over immutable snapshots. The caller records the state *before* each change;
 * snapshots share structure, so keeping a hundred of them is cheap.
 */
export interface History<T> {
  record(before: T): void;
  undo(current: T): T | undefined;
  redo(current: T): T | undefined;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
}

export function createHistory<T>(limit = 100): History<T> {
  let past: T[] = [];
  let future: T[] = [];
  return {
    record(before) {
      past.push(before);
      if (past.length > limit) past = past.slice(past.length - limit);
      future = [];
    },
    undo(current) {
      const previous = past.pop();
      if (previous !== undefined) future.push(current);
      return previous;
    },
    redo(current) {
      const next = future.pop();
      if (next !== undefined) past.push(current);
      return next;
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    clear() {
      past = [];
      future = [];
    },
  };
}
