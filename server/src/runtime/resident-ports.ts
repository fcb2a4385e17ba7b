import type { Workflow, WorkflowNode } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';

/**
 * The output ports of `node` whose items can stay in its plugin's isolate: ports with one edge
 * out, to an enabled node of the same plugin version that reads its input port from that edge
 * alone, so the array the engine hands it is this very output array.
 */
export function residentPorts(workflow: Workflow, node: WorkflowNode, registry: NodeRegistry): string[] {
  const bundleKey = bundleOf(registry, node.type);
  if (bundleKey === undefined) return [];
  const ports: string[] = [];
  const outgoing = workflow.edges.filter((edge) => edge.source === node.id);
  for (const port of new Set(outgoing.map((edge) => edge.sourcePort))) {
    const leaving = outgoing.filter((edge) => edge.sourcePort === port);
    const edge = leaving[0];
    if (leaving.length !== 1 || edge === undefined) continue;
    const readers = workflow.edges.filter(
      (other) => other.target === edge.target && other.targetPort === edge.targetPort,
    );
    const target = workflow.nodes.find((candidate) => candidate.id === edge.target);
    if (readers.length !== 1 || !target || target.disabled) continue;
    if (bundleOf(registry, target.type) === bundleKey) ports.push(port);
  }
  return ports;
}

function bundleOf(registry: NodeRegistry, type: string): string | undefined {
  const entry = registry.get(type);
  return entry?.runtime === 'sandbox' ? entry.bundle.key : undefined;
}
