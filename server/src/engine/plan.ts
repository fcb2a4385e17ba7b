import { SbssError } from './errors.js';
import { buildGraph, topologicalOrder, type WorkflowGraph } from './graph.js';
import type { Workflow } from './model.js';

/** What the executor needs to know of a workflow's shape, worked out once per workflow. */
export interface ExecutionPlan {
  graph: WorkflowGraph;
  /** Edges into each node: how many upstream settlements it waits for. */
  inDegree: number[];
  /** Nodes no edge reaches, where scheduling starts. */
  roots: number[];
}

// A workflow version never changes once saved, so its plan can be shared by all its executions.
const plans = new WeakMap<Workflow, ExecutionPlan>();

/** Throws WORKFLOW_INVALID for shapes that cannot be run: duplicate ids, dangling edges, cycles. */
export function planExecution(workflow: Workflow): ExecutionPlan {
  const cached = plans.get(workflow);
  if (cached) return cached;
  const graph = buildGraph(workflow.nodes, workflow.edges);
  const duplicate = graph.duplicateNodes[0];
  if (duplicate !== undefined) {
    const id = workflow.nodes[duplicate]?.id;
    throw new SbssError('WORKFLOW_INVALID', `Two nodes have the id "${id}"`);
  }
  const dangling = graph.danglingEdges[0];
  if (dangling !== undefined) {
    const edge = workflow.edges[dangling];
    throw new SbssError('WORKFLOW_INVALID', `Edge ${edge?.source} → ${edge?.target} joins a missing node`);
  }
  const { cycle } = topologicalOrder(graph);
  if (cycle) throw new SbssError('WORKFLOW_INVALID', `The nodes ${cycle.join(' → ')} form a cycle`);
  const inDegree = graph.nodes.map((node) => node.incoming.length);
  const roots = graph.nodes.filter((node) => node.incoming.length === 0).map((node) => node.index);
  const plan = { graph, inDegree, roots };
  plans.set(workflow, plan);
  return plan;
}

export function nodeIndex(plan: ExecutionPlan, nodeId: string): number {
  const index = plan.graph.indexById.get(nodeId);
  if (index === undefined) throw new SbssError('NOT_FOUND', `The workflow has no node "${nodeId}"`);
  return index;
}

/** Marks `index` and every node it depends on, walking edges backwards. */
export function withAncestors(plan: ExecutionPlan, index: number): boolean[] {
  const marked = new Array<boolean>(plan.graph.nodes.length).fill(false);
  marked[index] = true;
  const queue = [index];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of plan.graph.nodes[queue[head] as number]?.incoming ?? []) {
      if (marked[edge.source]) continue;
      marked[edge.source] = true;
      queue.push(edge.source);
    }
  }
  return marked;
}
