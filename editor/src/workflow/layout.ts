import dagre from '@dagrejs/dagre';
import type { FlowEdge, FlowNode } from './flow-graph';

const fallback = { width: 200, height: 64 };

/** Lays workflow nodes out left to right by data flow; sticky notes stay where they are. */
export function autoLayout(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): FlowNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const laid = nodes.filter((n) => n.type === 'workflow');
  for (const node of laid) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? fallback.width,
      height: node.measured?.height ?? fallback.height,
    });
  }
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  return nodes.map((node) => {
    if (node.type !== 'workflow') return node;
    const box = graph.node(node.id);
    const width = node.measured?.width ?? fallback.width;
    const height = node.measured?.height ?? fallback.height;
    return { ...node, position: { x: Math.round(box.x - width / 2), y: Math.round(box.y - height / 2) } };
  });
}
