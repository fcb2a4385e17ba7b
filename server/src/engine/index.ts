export { type ErrorCode, type ErrorRecord, errorCodes, SbssError, toErrorRecord } from './errors.js';
export {
  type ExecuteOptions,
  type ExecutionResult,
  type ExecutionStatus,
  executeWorkflow,
} from './executor.js';
export { hasExpression, isExpression } from './expression-syntax.js';
export {
  buildGraph,
  findCycle,
  type GraphEdge,
  type GraphNode,
  type TopologicalOrder,
  topologicalOrder,
  type WorkflowGraph,
} from './graph.js';
export { jsonDeeperThan, maxJsonDepth, tooDeepMessage } from './json-depth.js';
export * from './model.js';
export type * from './ports.js';
export { hasErrors, type Problem, type ProblemCode, type ProblemSeverity } from './problem.js';
export { backoffDelay } from './retry-policy.js';
export { type ValidationResult, validateWorkflow, validateWorkflowChecked } from './validate.js';
