import type { ParamIssue } from '@sbss/sdk';
import type { WorkflowInput } from './model.js';
import { reachesExpression } from './params-check.js';
import type { ExpressionChecker, ParamsChecker } from './ports.js';
import type { Problem, ProblemCode } from './problem.js';

/** Problems after which a node's own check has nothing to go on. */
const unchecked = new Set(['UNKNOWN_NODE_TYPE', 'PARAMS_INVALID']);

/**
 * Each node type's own check of params that already match their schema, such as a monitor query
 * that does not parse. As with the schema, what an expression yields is left to the run. A check
 * that fails is a warning: it says nothing about the params.
 */
export async function checkedProblems(
  workflow: WorkflowInput,
  known: readonly Problem[],
  check: ParamsChecker,
): Promise<Problem[]> {
  const skip = new Set(
    known.filter((problem) => unchecked.has(problem.code)).map((problem) => problem.nodeId),
  );
  const found = await Promise.all(
    workflow.nodes.map(async (node, index): Promise<Problem[]> => {
      if (skip.has(node.id)) return [];
      const at = ['nodes', index, 'params'];
      try {
        const issues = await check(node.type, node.params);
        return issues
          .filter((issue) => !reachesExpression(node.params, issue.path))
          .map((issue) =>
            issueProblem(issue.severity === 'warning' ? 'PARAMS_WARNING' : 'PARAMS_INVALID', node, at, issue),
          );
      } catch (error) {
        return [uncheckedProblem(node.id, at, 'params', error)];
      }
    }),
  );
  return found.flat();
}

/**
 * Syntax errors in each node's `{{ }}` expressions, at the param, whatever the schema says. A check
 * that fails (an expression nested too deep to compile) is a warning, as for the params check.
 */
export function expressionProblems(workflow: WorkflowInput, check: ExpressionChecker): Problem[] {
  return workflow.nodes.flatMap((node, index): Problem[] => {
    const at = ['nodes', index, 'params'];
    try {
      return check(node.params).map((issue) => issueProblem('EXPRESSION_INVALID', node, at, issue));
    } catch (error) {
      return [uncheckedProblem(node.id, at, 'expressions', error)];
    }
  });
}

/** An issue at a param, as a problem of the workflow: a warning on a disabled node, which does not run. */
function issueProblem(
  code: ProblemCode,
  node: WorkflowInput['nodes'][number],
  at: (string | number)[],
  issue: ParamIssue,
): Problem {
  return {
    code,
    severity: node.disabled ? 'warning' : (issue.severity ?? 'error'),
    message: issue.message,
    nodeId: node.id,
    path: [...at, ...issue.path],
    ...(issue.details ? { details: issue.details } : {}),
  };
}

function uncheckedProblem(nodeId: string, path: (string | number)[], what: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'PARAMS_UNCHECKED',
    severity: 'warning',
    message: `The ${what} of this node could not be checked: ${reason}`,
    nodeId,
    path,
  };
}
