import type { z } from 'zod';
import { buildGraph, findCycle, type WorkflowGraph } from './graph.js';
import { type WorkflowInput, workflowInputSchema } from './model.js';
import type { NodeCatalog, NodeTypeInfo, WorkflowChecks } from './ports.js';
import { jsonPath, type Problem } from './problem.js';
import { checkedProblems, expressionProblems } from './validate-checks.js';
import { edgeProblems } from './validate-edges.js';
import { nodeProblems } from './validate-nodes.js';

export interface ValidationResult {
  /** The parsed workflow, whenever it matches the schema (even with other problems). */
  workflow?: WorkflowInput;
  problems: Problem[];
}

/**
 * Everything that can be known to be wrong with a workflow before it runs. Params holding
 * expressions are left to the run, which checks them once resolved.
 */
export function validateWorkflow(input: unknown, catalog: NodeCatalog): ValidationResult {
  const parsed = workflowInputSchema.safeParse(input);
  if (!parsed.success) return { problems: schemaProblems(parsed.error.issues, input) };
  const workflow = parsed.data;
  const graph = buildGraph(workflow.nodes, workflow.edges);
  const types = workflow.nodes.map((node) => catalog.get(node.type));
  const problems = [
    ...nodeProblems(workflow, graph, types),
    ...edgeProblems(workflow, graph, types),
    ...cycleProblems(graph),
    ...triggerProblems(workflow, types),
  ];
  return { workflow, problems };
}

/**
 * `validateWorkflow`, then what the editor shows while the workflow is edited: each node type's own
 * check of its params, and syntax errors in expressions.
 */
export async function validateWorkflowChecked(
  input: unknown,
  catalog: NodeCatalog,
  checks: WorkflowChecks,
): Promise<ValidationResult> {
  const result = validateWorkflow(input, catalog);
  if (!result.workflow) return result;
  const checked = await checkedProblems(result.workflow, result.problems, checks.params);
  const expressions = expressionProblems(result.workflow, checks.expressions);
  return { ...result, problems: [...result.problems, ...checked, ...expressions] };
}

function schemaProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  return issues.map((issue) => {
    const path = jsonPath(issue.path);
    const problem: Problem = { code: 'SCHEMA', severity: 'error', message: issue.message, path };
    const [list, index] = path;
    if (list === 'edges' && typeof index === 'number') problem.edgeIndex = index;
    if (list === 'nodes' && typeof index === 'number') {
      const nodeId = nodeIdAt(input, index);
      if (nodeId !== undefined) problem.nodeId = nodeId;
    }
    return problem;
  });
}

function nodeIdAt(input: unknown, index: number): string | undefined {
  const nodes =
    typeof input === 'object' && input !== null ? (input as { nodes?: unknown }).nodes : undefined;
  const node: unknown = Array.isArray(nodes) ? nodes[index] : undefined;
  const id = typeof node === 'object' && node !== null ? (node as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function cycleProblems(graph: WorkflowGraph): Problem[] {
  const cycle = findCycle(graph);
  if (!cycle) return [];
  return [
    {
      code: 'CYCLE',
      severity: 'error',
      message: `The nodes ${cycle.map((id) => `"${id}"`).join(' → ')} form a cycle`,
      nodeIds: cycle,
      path: ['edges'],
    },
  ];
}

function triggerProblems(workflow: WorkflowInput, types: readonly (NodeTypeInfo | undefined)[]): Problem[] {
  const triggered = workflow.nodes.some((node, index) => !node.disabled && types[index]?.definition.trigger);
  if (triggered) return [];
  return [
    {
      code: 'NO_TRIGGER',
      severity: 'warning',
      message: 'No enabled trigger node: the workflow can only be run by hand or by another workflow',
      path: ['nodes'],
    },
  ];
}
