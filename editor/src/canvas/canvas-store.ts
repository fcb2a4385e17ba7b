import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import type { XY } from '../api/contract';
import { preparePaste } from '../workflow/clipboard';
import {
  edgeToFlow,
  type FlowEdge,
  type FlowNode,
  type GraphDocument,
  type NodeSpec,
  nodeToFlow,
  stickyToFlow,
  toFlow,
  type WorkflowFlowNode,
} from '../workflow/flow-graph';
import { createHistory } from '../workflow/history';
import { newId } from '../workflow/ids';
import { autoLayout } from '../workflow/layout';

/**
 * The canvas's state and every edit a user can make to it, free of React: components read it
 * with `useSyncExternalStore` and call the actions. Each edit records an undo step first.
 */

export interface CanvasState {
  nodes: FlowNode[];
  edges: FlowEdge[];
  canUndo: boolean;
  canRedo: boolean;
  /** Whether the graph changed since it was loaded or last saved. */
  dirty: boolean;
  /** Counts whole graphs loaded, so the canvas fits each one into view. */
  loads: number;
}

type Snapshot = Pick<CanvasState, 'nodes' | 'edges'>;

/** Typing into one field within this time is one undo step, not one per key. */
const coalesceMs = 1000;

export function createCanvasStore(initial?: Partial<GraphDocument>) {
  const history = createHistory<Snapshot>();
  const listeners = new Set<() => void>();
  let state: CanvasState = {
    ...toFlow(initial ?? {}),
    canUndo: false,
    canRedo: false,
    dirty: false,
    loads: 0,
  };
  let dragging = false;
  let lastKey: { key: string; at: number } | undefined;

  function set(next: Partial<CanvasState>) {
    state = { ...state, ...next, canUndo: history.canUndo(), canRedo: history.canRedo() };
    for (const listener of listeners) listener();
  }

  function record(key?: string) {
    const now = Date.now();
    if (key && lastKey && lastKey.key === key && now - lastKey.at < coalesceMs) {
      lastKey.at = now;
      return;
    }
    lastKey = key ? { key, at: now } : undefined;
    history.record({ nodes: state.nodes, edges: state.edges });
  }

  function edit(next: Snapshot, key?: string) {
    record(key);
    set({ ...next, dirty: true });
  }

  function selectOnly(ids: ReadonlySet<string>, nodes: FlowNode[]): FlowNode[] {
    return nodes.map((n) => (n.selected === ids.has(n.id) ? n : { ...n, selected: ids.has(n.id) }));
  }

  const store = {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    load(doc: Partial<GraphDocument>) {
      history.clear();
      lastKey = undefined;
      set({ ...toFlow(doc), dirty: false, loads: state.loads + 1 });
    },
    markSaved() {
      set({ dirty: false });
    },
    /** For edits outside the graph (the workflow's name) that still need saving. */
    markDirty() {
      set({ dirty: true });
    },

    onNodesChange(changes: NodeChange<FlowNode>[]) {
      const moves = changes.filter((c) => c.type === 'position');
      const starts = moves.some((c) => c.type === 'position' && c.dragging) && !dragging;
      const ends = moves.some((c) => c.type === 'position' && c.dragging === false);
      const edits = changes.some((c) => c.type === 'remove' || (c.type === 'dimensions' && c.resizing));
      if (starts || edits) record();
      if (starts) dragging = true;
      if (ends) dragging = false;
      const nodes = applyNodeChanges(changes, state.nodes);
      const removed = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
      const edges = removed.size
        ? state.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target))
        : state.edges;
      set({ nodes, edges, dirty: state.dirty || starts || edits || moves.length > 0 });
    },
    onEdgesChange(changes: EdgeChange<FlowEdge>[]) {
      if (changes.some((c) => c.type === 'remove')) record();
      const edges = applyEdgeChanges(changes, state.edges);
      set({ edges, dirty: state.dirty || changes.some((c) => c.type === 'remove') });
    },

    connect(connection: Connection, doubtful?: string) {
      const edge = edgeToFlow({
        source: connection.source,
        sourcePort: connection.sourceHandle ?? 'main',
        target: connection.target,
        targetPort: connection.targetHandle ?? 'main',
      });
      if (doubtful) edge.data = { doubtful };
      edit({ nodes: state.nodes, edges: [...state.edges, edge] });
    },

    addNode(spec: NodeSpec, position: XY): string {
      const node = nodeToFlow({ id: newId('n'), position, ...spec });
      edit({
        nodes: [...selectOnly(new Set([node.id]), state.nodes), { ...node, selected: true }],
        edges: state.edges,
      });
      return node.id;
    },
    addSticky(position: XY, text: string): string {
      const note = stickyToFlow({ id: newId('s'), text, position });
      edit({ nodes: [note, ...state.nodes], edges: state.edges });
      return note.id;
    },
    updateSpec(id: string, patch: Partial<NodeSpec>, key?: string) {
      const nodes = state.nodes.map((n) =>
        n.id === id && n.type === 'workflow' ? { ...n, data: { spec: { ...n.data.spec, ...patch } } } : n,
      );
      edit({ nodes, edges: state.edges }, key ? `${id}:${key}` : undefined);
    },
    updateSticky(id: string, text: string) {
      const nodes = state.nodes.map((n) =>
        n.id === id && n.type === 'sticky' ? { ...n, data: { ...n.data, text } } : n,
      );
      edit({ nodes, edges: state.edges }, `${id}:text`);
    },

    select(ids: readonly string[]) {
      set({
        nodes: selectOnly(new Set(ids), state.nodes),
        edges: state.edges.map((e) => ({ ...e, selected: false })),
      });
    },
    selectAll() {
      set({
        nodes: state.nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
        edges: state.edges.map((e) => (e.selected ? e : { ...e, selected: true })),
      });
    },
    removeSelected() {
      const gone = new Set(state.nodes.filter((n) => n.selected).map((n) => n.id));
      const edges = state.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
      if (gone.size === 0 && edges.length === state.edges.length) return;
      edit({ nodes: state.nodes.filter((n) => !gone.has(n.id)), edges });
    },
    toggleDisabled(ids?: readonly string[]) {
      const targets = new Set(ids ?? state.nodes.filter((n) => n.selected).map((n) => n.id));
      const chosen = state.nodes.filter(
        (n): n is WorkflowFlowNode => n.type === 'workflow' && targets.has(n.id),
      );
      if (chosen.length === 0) return;
      const disable = chosen.some((n) => !n.data.spec.disabled);
      const nodes = state.nodes.map((n) =>
        n.type === 'workflow' && targets.has(n.id)
          ? { ...n, data: { spec: { ...n.data.spec, disabled: disable } } }
          : n,
      );
      edit({ nodes, edges: state.edges });
    },

    paste(doc: GraphDocument, at: XY) {
      const placed = preparePaste(doc, state.nodes, at);
      const flow = toFlow(placed);
      const pasted = new Set(flow.nodes.map((n) => n.id));
      const nodes = [
        ...selectOnly(new Set(), state.nodes),
        ...flow.nodes.map((n) => ({ ...n, selected: pasted.has(n.id) })),
      ];
      const known = new Set(state.edges.map((e) => e.id));
      const edges = [...state.edges, ...flow.edges.filter((e) => !known.has(e.id))];
      edit({ nodes, edges });
    },
    layout() {
      edit({ nodes: autoLayout(state.nodes, state.edges), edges: state.edges });
    },
    /** Replaces the whole graph as one undoable edit (restoring a version, importing). */
    replace(doc: Partial<GraphDocument>) {
      edit(toFlow(doc));
    },

    undo() {
      const previous = history.undo({ nodes: state.nodes, edges: state.edges });
      lastKey = undefined;
      if (previous) set({ ...previous, dirty: true });
    },
    redo() {
      const next = history.redo({ nodes: state.nodes, edges: state.edges });
      lastKey = undefined;
      if (next) set({ ...next, dirty: true });
    },
  };
  return store;
}

export type CanvasStore = ReturnType<typeof createCanvasStore>;
