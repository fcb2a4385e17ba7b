import { type ExecutionMode, SbssError, type Workflow } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';

const triggerForMode: Partial<Record<ExecutionMode, string>> = {
  webhook: 'webhook',
  schedule: 'schedule',
};

/**
 * Which trigger node receives the items of a run that did not name one: the trigger of the
 * mode's kind, else a manual trigger, else the first trigger, else the first node.
 */
export function triggerNodeFor(workflow: Workflow, mode: ExecutionMode, registry: NodeRegistry): string {
  const enabled = workflow.nodes.filter((node) => !node.disabled);
  const kindOf = (type: string) => registry.get(type)?.definition.trigger;
  const wanted = triggerForMode[mode];
  const match =
    (wanted && enabled.find((node) => kindOf(node.type) === wanted)) ||
    enabled.find((node) => kindOf(node.type) === 'manual') ||
    enabled.find((node) => kindOf(node.type) !== undefined) ||
    enabled[0];
  if (!match) throw new SbssError('WORKFLOW_INVALID', 'The workflow has no node to start from');
  return match.id;
}
