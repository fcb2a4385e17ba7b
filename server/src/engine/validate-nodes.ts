import type { WorkflowGraph } from './graph.js';
import type { WorkflowInput } from './model.js';
import { paramIssues } from './params-check.js';
import type { NodeTypeInfo } from './ports.js';
import { jsonPath, type Problem } from './problem.js';

/** Duplicate ids, unknown node types and params that do not match their node type's schema. */
export function nodeProblems(
  workflow: WorkflowInput,
  graph: WorkflowGraph,
  types: readonly (NodeTypeInfo | undefined)[],
): Problem[] {
  const problems: Problem[] = [];
  for (const index of graph.duplicateNodes) {
    const nodeId = workflow.nodes[index]?.id ?? '';
    problems.push({
      code: 'DUPLICATE_NODE_ID',
      severity: 'error',
      message: `Another node already has the id "${nodeId}"`,
      nodeId,
      path: ['nodes', index, 'id'],
    });
  }
  workflow.nodes.forEach((node, index) => {
    // A disabled node does not run, so what is wrong with it must not stop the workflow.
    const severity = node.disabled ? 'warning' : 'error';
    const type = types[index];
    if (!type) {
      problems.push({
        code: 'UNKNOWN_NODE_TYPE',
        severity,
        message: `No installed node has the type "${node.type}"`,
        nodeId: node.id,
        path: ['nodes', index, 'type'],
      });
      return;
    }
    for (const issue of paramIssues(type.definition.params, node.params)) {
      problems.push({
        code: 'PARAMS_INVALID',
        severity,
        message: issue.message,
        nodeId: node.id,
        path: ['nodes', index, 'params', ...jsonPath(issue.path)],
      });
    }
  });
  return problems;
}
