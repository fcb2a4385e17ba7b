import type { Connection } from '@xyflow/react';
import { type FlowEdge, type FlowNode, isWorkflowNode } from './flow-graph';
import type { Catalog } from './node-catalog';
import { type Compatibility, comparePorts } from './port-compat';

/** Whether following edges from `from` reaches `to`. */
function reaches(edges: readonly FlowEdge[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/**
 * Judges a connection the user is drawing: the engine refuses cycles and duplicate edges, and
 * port schemas may make the items impossible or doubtful on the target.
 */
export function judgeConnection(
  connection: Connection | FlowEdge,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  catalog: Catalog,
): Compatibility {
  const { source, target } = connection;
  const sourcePort = connection.sourceHandle ?? 'main';
  const targetPort = connection.targetHandle ?? 'main';
  if (source === target) return { verdict: 'impossible', reason: 'selfLoop' };
  const duplicate = edges.some(
    (e) =>
      e.source === source &&
      e.target === target &&
      (e.sourceHandle ?? 'main') === sourcePort &&
      (e.targetHandle ?? 'main') === targetPort,
  );
  if (duplicate) return { verdict: 'impossible', reason: 'duplicate' };
  if (reaches(edges, target, source)) return { verdict: 'impossible', reason: 'cycle' };
  const sourceNode = nodes.find((n) => n.id === source);
  const targetNode = nodes.find((n) => n.id === target);
  if (!sourceNode || !targetNode || !isWorkflowNode(sourceNode) || !isWorkflowNode(targetNode)) {
    return { verdict: 'impossible', reason: 'notANode' };
  }
  const sourceType = catalog.get(sourceNode.data.spec.type);
  const targetType = catalog.get(targetNode.data.spec.type);
  if (!sourceType || !targetType) return { verdict: 'ok' };
  if (targetType.trigger) return { verdict: 'impossible', reason: 'triggerInput' };
  const out = sourceType.outputs[sourcePort];
  const into = targetType.inputs[targetPort];
  if (!out || !into) return { verdict: 'impossible', reason: 'noSuchPort' };
  return comparePorts(out.schema, into.schema);
}

/** How a stored edge's ports fit, for marking doubtful edges of a loaded workflow. */
export function edgeFit(edge: FlowEdge, types: ReadonlyMap<string, string>, catalog: Catalog): Compatibility {
  const sourceType = catalog.get(types.get(edge.source) ?? '');
  const targetType = catalog.get(types.get(edge.target) ?? '');
  if (!sourceType || !targetType) return { verdict: 'ok' };
  const out = sourceType.outputs[edge.sourceHandle ?? 'main'];
  const into = targetType.inputs[edge.targetHandle ?? 'main'];
  if (!out || !into) return { verdict: 'impossible', reason: 'noSuchPort' };
  return comparePorts(out.schema, into.schema);
}
