import type { WorkflowGraph } from './graph.js';
import type { Edge, WorkflowInput, WorkflowNode } from './model.js';
import { portMismatches } from './port-compat.js';
import type { NodeTypeInfo } from './ports.js';
import type { Problem } from './problem.js';

type Types = readonly (NodeTypeInfo | undefined)[];

/** Edges to nodes that do not exist, from or to undeclared ports, and between incompatible ports. */
export function edgeProblems(workflow: WorkflowInput, graph: WorkflowGraph, types: Types): Problem[] {
  const problems: Problem[] = [];
  workflow.edges.forEach((edge, edgeIndex) => {
    const source = graph.indexById.get(edge.source);
    const target = graph.indexById.get(edge.target);
    for (const end of ['source', 'target'] as const) {
      if ((end === 'source' ? source : target) !== undefined) continue;
      problems.push({
        code: 'DANGLING_EDGE',
        severity: 'error',
        message: `The edge's ${end} "${edge[end]}" is not a node of this workflow`,
        edgeIndex,
        path: ['edges', edgeIndex, end],
      });
    }
    if (source === undefined || target === undefined) return;
    const ends = { edge, edgeIndex, workflow, types, source, target };
    const portProblems = [...unknownPorts(ends)];
    problems.push(...portProblems);
    if (portProblems.length === 0) problems.push(...mismatch(ends));
  });
  return problems;
}

interface EdgeEnds {
  edge: Edge;
  edgeIndex: number;
  workflow: WorkflowInput;
  types: Types;
  source: number;
  target: number;
}

function* unknownPorts({ edge, edgeIndex, workflow, types, source, target }: EdgeEnds): Generator<Problem> {
  const sourceNode = workflow.nodes[source] as WorkflowNode;
  const sourceType = types[source];
  if (sourceType && !outputPorts(sourceNode, sourceType).includes(edge.sourcePort)) {
    yield {
      code: 'UNKNOWN_PORT',
      severity: 'error',
      message: `Node "${sourceNode.id}" has no output port "${edge.sourcePort}"`,
      nodeId: sourceNode.id,
      edgeIndex,
      path: ['edges', edgeIndex, 'sourcePort'],
    };
  }
  const targetType = types[target];
  if (targetType && !Object.hasOwn(targetType.definition.inputs, edge.targetPort)) {
    yield {
      code: 'UNKNOWN_PORT',
      severity: 'error',
      message: targetType.definition.trigger
        ? `Node "${edge.target}" is a trigger and takes no input`
        : `Node "${edge.target}" has no input port "${edge.targetPort}"`,
      nodeId: edge.target,
      edgeIndex,
      path: ['edges', edgeIndex, 'targetPort'],
    };
  }
}

/** Every node routing failures to a port gets an `error` output besides the declared ones. */
function outputPorts(node: WorkflowNode, type: NodeTypeInfo): string[] {
  const declared = Object.keys(type.definition.outputs);
  return node.onError === 'errorPort' ? [...declared, 'error'] : declared;
}

function* mismatch({ edge, edgeIndex, workflow, types, source, target }: EdgeEnds): Generator<Problem> {
  // A disabled node passes its input through, so its declared ports say nothing of the data.
  if (workflow.nodes[source]?.disabled || workflow.nodes[target]?.disabled) return;
  const from = types[source]?.definition.outputs[edge.sourcePort]?.schema;
  const to = types[target]?.definition.inputs[edge.targetPort]?.schema;
  if (!from || !to) return;
  for (const reason of portMismatches(from, to)) {
    yield {
      code: 'PORT_MISMATCH',
      severity: 'error',
      message: `${edge.source}.${edge.sourcePort} → ${edge.target}.${edge.targetPort}: ${reason}`,
      nodeId: edge.target,
      edgeIndex,
      path: ['edges', edgeIndex],
    };
  }
}
