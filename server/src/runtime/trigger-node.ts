import type { Item } from '@sbss/sdk';
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

/**
 * Items for the trigger node. A webhook trigger expects one request per item; a manual or
 * test run of a webhook workflow gives sample bodies, so they are wrapped as requests would be.
 */
export function triggerItems(
  workflow: Workflow,
  nodeId: string,
  mode: ExecutionMode,
  items: Item[],
  registry: NodeRegistry,
): Item[] {
  const node = workflow.nodes.find((candidate) => candidate.id === nodeId);
  if (mode === 'webhook' || !node || registry.get(node.type)?.definition.trigger !== 'webhook') return items;
  const method = typeof node.params.method === 'string' ? node.params.method : 'POST';
  const path = typeof node.params.path === 'string' ? node.params.path : '';
  return items.map((body) => ({ body, query: {}, headers: {}, method, path }));
}
