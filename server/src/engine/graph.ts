import type { Edge, WorkflowNode } from './model.js';

export interface GraphEdge {
  /** Position in the workflow's `edges`: inputs are concatenated in this order. */
  index: number;
  source: number;
  sourcePort: string;
  target: number;
  targetPort: string;
}

export interface GraphNode {
  /** Position in the workflow's `nodes`. */
  index: number;
  node: WorkflowNode;
  /**
   * Disabled nodes stay in the graph because, as in n8n, they pass their `main` input through to
   * their `main` output: the flow goes on past them.
   */
  disabled: boolean;
  incoming: GraphEdge[];
  outgoing: GraphEdge[];
}

export interface WorkflowGraph {
  nodes: GraphNode[];
  /** A node's index by id; for a duplicated id, the first node that has it. */
  indexById: Map<string, number>;
  /** Indexes of edges whose source or target is not a node; they are left out of the graph. */
  danglingEdges: number[];
  /** Indexes of nodes whose id an earlier node already has; no edge reaches them. */
  duplicateNodes: number[];
}

export function buildGraph(nodes: readonly WorkflowNode[], edges: readonly Edge[]): WorkflowGraph {
  const indexById = new Map<string, number>();
  const duplicateNodes: number[] = [];
  const graphNodes = nodes.map((node, index): GraphNode => {
    if (indexById.has(node.id)) duplicateNodes.push(index);
    else indexById.set(node.id, index);
    return { index, node, disabled: node.disabled === true, incoming: [], outgoing: [] };
  });
  const danglingEdges: number[] = [];
  edges.forEach((edge, index) => {
    const source = indexById.get(edge.source);
    const target = indexById.get(edge.target);
    if (source === undefined || target === undefined) {
      danglingEdges.push(index);
      return;
    }
    const graphEdge = { index, source, sourcePort: edge.sourcePort, target, targetPort: edge.targetPort };
    graphNodes[source]?.outgoing.push(graphEdge);
    graphNodes[target]?.incoming.push(graphEdge);
  });
  return { nodes: graphNodes, indexById, danglingEdges, duplicateNodes };
}

export interface TopologicalOrder {
  /** Node indexes, each after every node with an edge into it; nodes on or after a cycle are missing. */
  order: number[];
  /** Ids of the nodes of one cycle, in edge direction, when the graph has any. */
  cycle?: string[];
}

/** Kahn's algorithm: O(nodes + edges). */
export function topologicalOrder(graph: WorkflowGraph): TopologicalOrder {
  const waiting = graph.nodes.map((node) => node.incoming.length);
  const order: number[] = [];
  waiting.forEach((count, index) => {
    if (count === 0) order.push(index);
  });
  for (let head = 0; head < order.length; head++) {
    for (const edge of graph.nodes[order[head] as number]?.outgoing ?? []) {
      waiting[edge.target] = (waiting[edge.target] as number) - 1;
      if (waiting[edge.target] === 0) order.push(edge.target);
    }
  }
  if (order.length === graph.nodes.length) return { order };
  return { order, cycle: traceCycle(graph, waiting) };
}

export function findCycle(graph: WorkflowGraph): string[] | undefined {
  return topologicalOrder(graph).cycle;
}

/**
 * Every node Kahn's algorithm left behind still has an edge from another node left behind, so
 * walking such edges backwards must revisit a node: the walk since that node is a cycle.
 */
function traceCycle(graph: WorkflowGraph, waiting: number[]): string[] {
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  let current = waiting.findIndex((count) => count > 0);
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    const back = graph.nodes[current]?.incoming.find((edge) => (waiting[edge.source] as number) > 0);
    current = back?.source ?? current;
  }
  const cycle = path.slice(seenAt.get(current)).reverse();
  return cycle.map((index) => graph.nodes[index]?.node.id ?? String(index));
}
