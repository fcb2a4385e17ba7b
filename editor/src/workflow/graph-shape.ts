import type { StickyNote, WorkflowEdge, WorkflowNode, XY } from '../api/contract';
import type { GraphDocument } from './flow-graph';

/**
 * Light checks for workflow JSON that comes from outside (clipboard, imported files). The server
 * validates fully on save; these only keep malformed text off the canvas.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readXY(value: unknown): XY {
  if (isObject(value) && typeof value.x === 'number' && typeof value.y === 'number')
    return { x: value.x, y: value.y };
  return { x: 0, y: 0 };
}

function readNode(value: unknown): WorkflowNode | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.type !== 'string') return undefined;
  const node: WorkflowNode = {
    ...(value as Partial<WorkflowNode>),
    id: value.id,
    type: value.type,
    params: isObject(value.params) ? value.params : {},
    position: readXY(value.position),
  };
  return node;
}

function readEdge(value: unknown): WorkflowEdge | undefined {
  if (!isObject(value) || typeof value.source !== 'string' || typeof value.target !== 'string')
    return undefined;
  return {
    source: value.source,
    target: value.target,
    sourcePort: typeof value.sourcePort === 'string' ? value.sourcePort : 'main',
    targetPort: typeof value.targetPort === 'string' ? value.targetPort : 'main',
  };
}

function readSticky(value: unknown): StickyNote | undefined {
  if (!isObject(value) || typeof value.id !== 'string') return undefined;
  const note: StickyNote = {
    id: value.id,
    text: typeof value.text === 'string' ? value.text : '',
    position: readXY(value.position),
  };
  if (isObject(value.size) && typeof value.size.width === 'number' && typeof value.size.height === 'number') {
    note.size = { width: value.size.width, height: value.size.height };
  }
  if (typeof value.color === 'string') note.color = value.color;
  return note;
}

function readList<T>(value: unknown, read: (entry: unknown) => T | undefined): T[] {
  if (!Array.isArray(value)) return [];
  return value.map(read).filter((entry): entry is T => entry !== undefined);
}

/** Reads a whole workflow or a fragment `{ nodes, edges?, stickyNotes? }`; undefined if neither. */
export function readGraph(value: unknown): (GraphDocument & { name?: string }) | undefined {
  if (!isObject(value) || !Array.isArray(value.nodes)) return undefined;
  const doc: GraphDocument & { name?: string } = {
    nodes: readList(value.nodes, readNode),
    edges: readList(value.edges, readEdge),
    stickyNotes: readList(value.stickyNotes, readSticky),
  };
  if (typeof value.name === 'string') doc.name = value.name;
  return doc;
}

export function parseGraph(text: string): (GraphDocument & { name?: string }) | undefined {
  try {
    return readGraph(JSON.parse(text));
  } catch {
    return undefined;
  }
}
