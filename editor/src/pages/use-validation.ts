import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Problem, WorkflowInput } from '../api/contract';
import type { CanvasStore } from '../canvas/canvas-store';
import { toDocument } from '../workflow/flow-graph';

const debounceMs = 500;

/** Asks the server to validate the graph a moment after each edit, as the engine would. */
export function useValidation(
  store: CanvasStore,
  base: () => Omit<WorkflowInput, 'nodes' | 'edges' | 'stickyNotes'> | undefined,
) {
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let graph = { nodes: store.getState().nodes, edges: store.getState().edges };
    let generation = 0;
    const check = () => {
      const meta = base();
      if (!meta) return;
      const mine = ++generation;
      const doc = toDocument(store.getState().nodes, store.getState().edges);
      api
        .validate({ ...meta, ...doc })
        .then((result) => mine === generation && setProblems(result.problems))
        .catch(() => undefined);
    };
    const unsubscribe = store.subscribe(() => {
      const { nodes, edges } = store.getState();
      if (nodes === graph.nodes && edges === graph.edges) return;
      graph = { nodes, edges };
      clearTimeout(timer);
      timer = setTimeout(check, debounceMs);
    });
    timer = setTimeout(check, debounceMs);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, base]);
  return problems;
}
