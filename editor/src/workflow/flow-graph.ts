import type { Edge, Node } from '@xyflow/react';
import type { StickyNote, WorkflowEdge, WorkflowInput, WorkflowNode } from '../api/contract';

/**
 * The canvas holds xyflow nodes and edges; the server holds workflow JSON. These functions are
 * the one mapping between the two, so positions, ports and sticky notes survive a round trip.
 */

export type NodeSpec = Omit<WorkflowNode, 'id' | 'position'>;

export type WorkflowFlowNode = Node<{ spec: NodeSpec }, 'workflow'>;
export type StickyFlowNode = Node<{ text: string; color?: string }, 'sticky'>;
export type FlowNode = WorkflowFlowNode | StickyFlowNode;
export type FlowEdge = Edge<{ doubtful?: string }>;

/** The parts of a workflow that live on the canvas. */
export type GraphDocument = Pick<WorkflowInput, 'nodes' | 'edges' | 'stickyNotes'>;

export const stickySize = { width: 240, height: 140 };

export function edgeId(edge: Omit<WorkflowEdge, 'id'>): string {
  return `${edge.source}:${edge.sourcePort}->${edge.target}:${edge.targetPort}`;
}

export function isWorkflowNode(node: Node): node is WorkflowFlowNode {
  return node.type === 'workflow';
}

export function isStickyNode(node: Node): node is StickyFlowNode {
  return node.type === 'sticky';
}

export function nodeToFlow(node: WorkflowNode): WorkflowFlowNode {
  const { id, position, ...spec } = node;
  return { id, type: 'workflow', position: { ...position }, data: { spec } };
}

export function stickyToFlow(note: StickyNote): StickyFlowNode {
  const size = note.size ?? stickySize;
  const data: StickyFlowNode['data'] = { text: note.text };
  if (note.color) data.color = note.color;
  return {
    id: note.id,
    type: 'sticky',
    position: { ...note.position },
    width: size.width,
    height: size.height,
    zIndex: -1,
    data,
  };
}

export function edgeToFlow(edge: WorkflowEdge): FlowEdge {
  return {
    id: edge.id ?? edgeId(edge),
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: edge.targetPort,
  };
}

export function toFlow(doc: Partial<GraphDocument>): { nodes: FlowNode[]; edges: FlowEdge[] } {
  return {
    nodes: [...(doc.stickyNotes ?? []).map(stickyToFlow), ...(doc.nodes ?? []).map(nodeToFlow)],
    edges: (doc.edges ?? []).map(edgeToFlow),
  };
}

export function flowToNode(node: WorkflowFlowNode): WorkflowNode {
  return {
    id: node.id,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    ...node.data.spec,
  };
}

function flowToSticky(node: StickyFlowNode): StickyNote {
  const note: StickyNote = {
    id: node.id,
    text: node.data.text,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    size: {
      width: Math.round(node.width ?? node.measured?.width ?? stickySize.width),
      height: Math.round(node.height ?? node.measured?.height ?? stickySize.height),
    },
  };
  if (node.data.color) note.color = node.data.color;
  return note;
}

function flowToEdge(edge: FlowEdge): WorkflowEdge {
  return {
    source: edge.source,
    sourcePort: edge.sourceHandle ?? 'main',
    target: edge.target,
    targetPort: edge.targetHandle ?? 'main',
  };
}

export function toDocument(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): GraphDocument {
  const doc: GraphDocument = { nodes: [], edges: edges.map(flowToEdge), stickyNotes: [] };
  for (const node of nodes) {
    if (isWorkflowNode(node)) doc.nodes.push(flowToNode(node));
    else if (isStickyNode(node)) doc.stickyNotes.push(flowToSticky(node));
  }
  return doc;
}
