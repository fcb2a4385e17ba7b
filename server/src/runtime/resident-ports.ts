import type { Workflow, WorkflowNode } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';

/** What crosses into the isolate for one call of a plugin node, beyond its input items. */
export interface Crossing {
  /**
   * Output ports whose items can stay in the isolate: ports with one edge out, to an enabled node
   * of the same plugin version that reads its input port from that edge alone, so the array the
   * engine hands it is this very output array.
   */
  keep: string[];
  /**
   * The item fields to send: those the node reads, and those of every node that will take its
   * items from the isolate after it. Absent, for whole items, when any of them does not say what
   * it reads.
   */
  reads?: string[];
}

export function crossing(workflow: Workflow, node: WorkflowNode, registry: NodeRegistry): Crossing {
  const readers = residentReaders(workflow, node, registry);
  const keep = [...readers.keys()];
  const entry = registry.get(node.type);
  const own = entry?.runtime === 'sandbox' ? entry.node.reads : undefined;
  if (own === undefined) return { keep };
  const fields = new Set(own);
  for (const reader of readers.values()) {
    const more = crossing(workflow, reader, registry).reads;
    if (more === undefined) return { keep };
    for (const field of more) fields.add(field);
  }
  return { keep, reads: [...fields] };
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
