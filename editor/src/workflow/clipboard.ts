import type { XY } from '../api/contract';
import { type FlowEdge, type FlowNode, type GraphDocument, toDocument } from './flow-graph';
import { newId, uniqueName } from './ids';

/**
 * Copy and paste use workflow JSON, so a selection pasted into another workflow, a text editor
 * or a file opens as the same nodes.
 */

export function selectionToDocument(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): GraphDocument {
  const selected = nodes.filter((n) => n.selected);
  const ids = new Set(selected.map((n) => n.id));
  const inner = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return toDocument(selected, inner);
}

function topLeft(doc: GraphDocument): XY {
  const points = [...doc.nodes.map((n) => n.position), ...doc.stickyNotes.map((n) => n.position)];
  if (points.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
}

/**
 * Gives pasted nodes fresh ids and names that do not clash with the canvas, and moves the group
 * so its top-left corner lands at `at`.
 */
export function preparePaste(doc: GraphDocument, existing: readonly FlowNode[], at: XY): GraphDocument {
  const names = new Set<string>();
  for (const node of existing) if (node.type === 'workflow') names.add(node.data.spec.name ?? node.id);
  const origin = topLeft(doc);
  const move = (p: XY): XY => ({ x: p.x - origin.x + at.x, y: p.y - origin.y + at.y });
  const idMap = new Map<string, string>();
  const nodes = doc.nodes.map((node) => {
    const id = newId('n');
    idMap.set(node.id, id);
    const name = uniqueName(node.name ?? node.id, names);
    names.add(name);
    return { ...node, id, name, position: move(node.position) };
  });
  const edges = doc.edges
    .filter((e) => idMap.has(e.source) && idMap.has(e.target))
    .map((e) => ({
      source: idMap.get(e.source) as string,
      sourcePort: e.sourcePort,
      target: idMap.get(e.target) as string,
      targetPort: e.targetPort,
    }));
  const stickyNotes = doc.stickyNotes.map((note) => ({
    ...note,
    id: newId('s'),
    position: move(note.position),
  }));
  return { nodes, edges, stickyNotes };
}
