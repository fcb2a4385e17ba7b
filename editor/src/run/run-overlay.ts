import type { Execution, ExecutionStep, Problem } from '../api/contract';
import { durationBetween } from '../i18n/format';

/**
 * What the canvas paints over nodes: the step of a run (status, item counts per port, duration)
 * and the validation problems that name the node.
 */

export interface NodeRunInfo {
  status: string;
  /** Items per output port, e.g. `{ true: 3, false: 1 }`. */
  counts: Record<string, number>;
  durationMs?: number;
  attempts: number;
  error?: string;
}

export function countItems(ports: Record<string, unknown[]> | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [port, items] of Object.entries(ports ?? {}))
    counts[port] = Array.isArray(items) ? items.length : 0;
  return counts;
}

export function stepInfo(step: ExecutionStep): NodeRunInfo {
  const info: NodeRunInfo = { status: step.status, counts: countItems(step.output), attempts: step.attempts };
  const duration = durationBetween(step.startedAt, step.finishedAt);
  if (duration !== undefined) info.durationMs = duration;
  if (step.error) info.error = step.error.message;
  return info;
}

/** The last step of each node (a retried or resumed node may have several). */
export function runOverlay(execution: Execution | undefined): ReadonlyMap<string, NodeRunInfo> {
  const map = new Map<string, NodeRunInfo>();
  for (const step of execution?.steps ?? []) map.set(step.nodeId, stepInfo(step));
  return map;
}

export function lastStep(execution: Execution | undefined, nodeId: string): ExecutionStep | undefined {
  const steps = execution?.steps ?? [];
  for (let i = steps.length - 1; i >= 0; i -= 1) if (steps[i]?.nodeId === nodeId) return steps[i];
  return undefined;
}

export function problemsByNode(problems: readonly Problem[]): ReadonlyMap<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (!problem.nodeId) continue;
    map.set(problem.nodeId, [...(map.get(problem.nodeId) ?? []), problem]);
  }
  return map;
}

/** A problem's path inside the node's params (`["nodes", 2, "params", "url"]` → `["url"]`). */
export function paramPath(problem: Problem): (string | number)[] | undefined {
  const path = typeof problem.path === 'string' ? problem.path.split(/[./]/).filter(Boolean) : problem.path;
  const at = path.indexOf('params');
  if (at === -1) return undefined;
  return path.slice(at + 1).map((key) => (typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key));
}
