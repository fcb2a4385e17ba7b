import { definePlugin } from '@sbss/sdk';
import type { HostNodeDefinition } from '../host-node.js';
import { codeNode } from './code.js';
import { dedupeNode } from './dedupe.js';
import { filterNode } from './filter.js';
import { httpNode } from './http.js';
import { ifNode } from './if.js';
import { limitNode } from './limit.js';
import { manualNode } from './manual.js';
import { mergeNode } from './merge.js';
import { respondNode } from './respond.js';
import { scheduleNode } from './schedule.js';
import { setNode } from './set.js';
import { sortNode } from './sort.js';
import { subworkflowNode } from './subworkflow.js';
import { switchNode } from './switch.js';
import { waitNode } from './wait.js';
import { webhookNode } from './webhook.js';

export const coreNodes: HostNodeDefinition[] = [
  manualNode,
  webhookNode,
  scheduleNode,
  setNode,
  ifNode,
  switchNode,
  mergeNode,
  filterNode,
  sortNode,
  limitNode,
  dedupeNode,
  httpNode,
  respondNode,
  waitNode,
  subworkflowNode,
  codeNode,
];

const declaration = {
  name: 'core',
  version: '1.0.0',
  title: { en: 'Core', 'zh-Hans': '核心', 'zh-Hant': '核心' },
  nodes: coreNodes,
};

// definePlugin checks the name and that no node version appears twice; the nodes keep their
// host-node type, which the plugin definition would widen away.
definePlugin(declaration);

/** The platform's built-in nodes, `core/<id>@1`, all run in the host process. */
export const corePlugin = declaration;

export { type ScheduleParams, type ScheduleTriggerItem, scheduleParamsSchema } from './schedule.js';
export { cronProblem, isTimeZone, nextRuns } from './schedule-timing.js';
export { type WebhookParams, type WebhookRequestItem, webhookParamsSchema, webhookPath } from './webhook.js';
