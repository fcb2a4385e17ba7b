import type { ExpressionEvaluator, WorkflowChecks } from '../engine/ports.js';
import type { NodeRegistry } from '../plugins/node-registry.js';
import type { ExecutionService } from '../runtime/execution-service.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/index.js';
import type { TriggerService } from '../triggers/trigger-service.js';

/** What the routes work with; built once by the server. */
export interface ApiDeps {
  store: Store;
  registry: NodeRegistry;
  expressions: ExpressionEvaluator;
  executions: ExecutionService;
  triggers: TriggerService;
  metrics: Metrics;
  checks: WorkflowChecks;
}

export interface ApiEnv {
  Variables: { workspaceId: string };
}
