import { NodeError } from './errors.js';
import type { JsonObject } from './json.js';
import type { NodeDefinition, ParamIssue } from './node.js';

/**
 * What a node's `check` finds in params, as the editor gets it while a workflow is edited. Params
 * the schema rejects give none here: the schema's own issues are reported for them.
 */
export async function checkParams(
  node: Pick<NodeDefinition, 'params' | 'check'>,
  params: unknown,
): Promise<ParamIssue[]> {
  if (!node.check) return [];
  const parsed = node.params.safeParse(params);
  if (!parsed.success) return [];
  return node.check(parsed.data);
}

/**
 * Runs `attempt`, the same parse `run` does, and turns a NodeError it throws into an issue at
 * `path`: a node's `check` and `run` then reject the same params in the same words.
 */
export function issuesFrom(path: ParamIssue['path'], attempt: () => unknown): ParamIssue[] {
  try {
    attempt();
    return [];
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    const { details } = error;
    const shown = typeof details === 'object' && details !== null && !Array.isArray(details);
    return [{ path, message: error.message, ...(shown ? { details: details as JsonObject } : {}) }];
  }
}
