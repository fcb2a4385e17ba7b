import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Problem } from '../api/contract';
import type { NodeRunInfo } from '../run/run-overlay';
import type { Catalog } from '../workflow/node-catalog';
import type { CanvasState, CanvasStore } from './canvas-store';

/** What canvas components read besides their own props: the store, the catalogue, overlays. */
export interface CanvasContextValue {
  store: CanvasStore;
  catalog: Catalog;
  run: ReadonlyMap<string, NodeRunInfo>;
  problems: ReadonlyMap<string, Problem[]>;
}

export const CanvasContext = createContext<CanvasContextValue | null>(null);

export function useCanvasContext(): CanvasContextValue {
  const value = useContext(CanvasContext);
  if (!value) throw new Error('CanvasContext is missing');
  return value;
}

export function useCanvasState<T>(select: (state: CanvasState) => T): T {
  const { store } = useCanvasContext();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
