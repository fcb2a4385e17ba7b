import type { Workflow, WorkflowNode } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';

/**
 * The output ports of `node` whose items can stay in its plugin's isolate: ports with one edge
 * out, to an enabled node of the same plugin version that reads its input port from that edge
 * alone, so the array the engine hands it is this very output array.
 */
export function residentPorts(workflow: Workflow, node: WorkflowNode, registry: NodeRegistry): string[] {
  return [...residentReaders(workflow, node, registry).keys()];
}

/**
 * The item fields to send into the isolate for `node`: those it reads, and those of every node
 * that will take its items from the isolate after it. Undefined, for whole items, when any of
 * them does not say what it reads.
 */
export function crossingFields(
  workflow: Workflow,
  node: WorkflowNode,
  registry: NodeRegistry,
): string[] | undefined {
  const entry = registry.get(node.type);
  const reads = entry?.runtime === 'sandbox' ? entry.node.reads : undefined;
  if (reads === undefined) return undefined;
  const fields = new Set(reads);
  for (const reader of residentReaders(workflow, node, registry).values()) {
    const more = crossingFields(workflow, reader, registry);
    if (more === undefined) return undefined;
    for (const field of more) fields.add(field);
  }
  return [...fields];
}

function residentReaders(
  workflow: Workflow,
  node: WorkflowNode,
  registry: NodeRegistry,
): Map<string, WorkflowNode> {
  const readers = new Map<string, WorkflowNode>();
  const bundleKey = bundleOf(registry, node.type);
  if (bundleKey === undefined) return readers;
  const outgoing = workflow.edges.filter((edge) => edge.source === node.id);
  for (const port of new Set(outgoing.map((edge) => edge.sourcePort))) {
    const leaving = outgoing.filter((edge) => edge.sourcePort === port);
    const edge = leaving[0];
    if (leaving.length !== 1 || edge === undefined) continue;
    const inputs = workflow.edges.filter(
      (other) => other.target === edge.target && other.targetPort === edge.targetPort,
    );
    const target = workflow.nodes.find((candidate) => candidate.id === edge.target);
    if (inputs.length !== 1 || !target || target.disabled) continue;
    if (bundleOf(registry, target.type) === bundleKey) readers.set(port, target);
  }
  return readers;
}

function bundleOf(registry: NodeRegistry, type: string): string | undefined {
  const entry = registry.get(type);
  return entry?.runtime === 'sandbox' ? entry.bundle.key : undefined;
}
