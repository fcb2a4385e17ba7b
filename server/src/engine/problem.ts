export type ProblemCode =
  | 'SCHEMA'
  | 'UNKNOWN_NODE_TYPE'
  | 'PARAMS_INVALID'
  | 'DUPLICATE_NODE_ID'
  | 'DANGLING_EDGE'
  | 'UNKNOWN_PORT'
  | 'CYCLE'
  | 'PORT_MISMATCH'
  | 'NO_TRIGGER'
  | 'PARAMS_UNCHECKED'
  | 'PARAMS_WARNING'
  | 'EXPRESSION_INVALID';

/** Errors stop a workflow from running; warnings are shown but do not. */
export type ProblemSeverity = 'error' | 'warning';

/** One thing wrong with a workflow, located for the editor to highlight. */
export interface Problem {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  nodeId?: string;
  /** The nodes of a cycle, in edge direction. */
  nodeIds?: string[];
  edgeIndex?: number;
  /** Where in the workflow JSON, e.g. `['nodes', 2, 'params', 'threshold']`. */
  path: (string | number)[];
  /** What the editor can show beside the message, such as a query's `column` and `pointer`. */
  details?: Record<string, unknown>;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Zod paths may hold symbols; problem paths are JSON. */
export function jsonPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((key) => (typeof key === 'symbol' ? String(key) : key));
}
