import type { ExpressionEvaluator, WorkflowChecks } from '../engine/ports.js';
import { createAddressPolicy } from '../net/address-policy.js';
import { createHttpCapability } from '../net/safe-fetch.js';
import { createMailCapability } from '../net/smtp-mail.js';
import { corePlugin } from '../nodes/core/index.js';
import { NodeRegistry } from '../plugins/node-registry.js';
import { expressionSyntaxIssues } from '../sandbox/expression-check.js';
import { createExpressionEvaluator } from '../sandbox/expression-evaluator.js';
import type { SandboxLimits } from '../sandbox/sandbox-limits.js';
import { createStore, type Store } from '../store/index.js';
import { TriggerService } from '../triggers/trigger-service.js';
import { ExecutionService } from './execution-service.js';
import { createHostInvoker } from './host-invoker.js';
import { Metrics } from './metrics.js';
import type { HttpFactory, MailFactory } from './node-capabilities.js';
import { createParamsChecker } from './params-checker.js';
import { RunQueue } from './run-queue.js';
import { createSandboxedPlugins, type SandboxedPlugins } from './sandboxed-plugins.js';
import { systemClock } from './system-clock.js';

export interface PlatformOptions {
  /** SQLite file, or `:memory:` for one-off runs. */
  databaseFile: string;
  /** Holds the generated encryption key. */
  dataDir: string;
  workers?: number;
  allowNetworks?: string[];
  /**
   * Hosts an administrator grants a plugin beyond its manifest, by plugin name: a private
   * deployment of a robot webhook or CRM, or a test peer. Private ranges still need `allowNetworks`.
   */
  pluginHosts?: Record<string, string[]>;
  /** Limits of plugin nodes and Code nodes in the sandbox. */
  sandbox?: Partial<SandboxLimits>;
  onError?: (error: unknown) => void;
}

export interface Platform {
  store: Store;
  registry: NodeRegistry;
  /** The evaluator runs use, for the editor's previews too. */
  expressions: ExpressionEvaluator;
  executions: ExecutionService;
  triggers: TriggerService;
  metrics: Metrics;
  plugins: SandboxedPlugins;
  /** What validating a workflow runs beyond the schemas while it is edited. */
  checks: WorkflowChecks;
  close(): Promise<void>;
}

/** Everything but HTTP: the same wiring serves `sbss start` and `sbss run`. */
export function createPlatform(options: PlatformOptions): Platform {
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const store = createStore({ file: options.databaseFile, dataDir: options.dataDir });
  const registry = new NodeRegistry();
  registry.registerHostPlugin(corePlugin);
  const expressions = createExpressionEvaluator();
  const queue = new RunQueue({ workers: options.workers ?? 64 });
  const metrics = new Metrics(queue);
  const policy = createAddressPolicy({ allow: options.allowNetworks ?? [] });
  const http: HttpFactory = (allowedHosts, signal) =>
    createHttpCapability({ policy, signal, ...(allowedHosts ? { allowedHosts } : {}) });
  const mail: MailFactory = (credentials) =>
    createMailCapability({ policy, credential: (name) => credentials.get(name) });
  const plugins = createSandboxedPlugins({
    registry,
    store,
    clock: systemClock,
    http,
    mail,
    ...(options.pluginHosts ? { pluginHosts: options.pluginHosts } : {}),
    dataDir: options.dataDir,
    ...(options.sandbox ? { limits: options.sandbox } : {}),
    onError,
  });
  const hostInvoker = createHostInvoker({
    registry,
    store,
    clock: systemClock,
    http,
    mail,
    abilities: (execution) => ({
      respond: (response) => executions.respond(execution.id, response),
      runWorkflow: async (workflowId, items) => {
        const outcome = await executions.run({
          workspaceId: execution.workspaceId,
          workflowId,
          mode: 'subworkflow',
          parentExecutionId: execution.id,
          trigger: { items },
        });
        if (outcome.status !== 'succeeded') {
          throw Object.assign(
            new Error(outcome.error?.message ?? `Sub-workflow ${workflowId} ${outcome.status}`),
            {
              code: outcome.error?.code ?? 'NODE_FAILED',
            },
          );
        }
        return outcome.output ?? {};
      },
    }),
  });
  const invoker = plugins.invoker(hostInvoker);
  const executions = new ExecutionService({
    store,
    registry,
    expressions,
    clock: systemClock,
    queue,
    invoker,
    onError,
    onFinished: (outcome) => metrics.executionFinished(outcome.status),
    deactivate: (workspaceId, workflowId): Promise<void> => triggers.deactivate(workspaceId, workflowId),
  });
  const triggers = new TriggerService({ store, registry, executions, onError });
  return {
    store,
    registry,
    expressions,
    executions,
    triggers,
    metrics,
    plugins,
    checks: { params: createParamsChecker(registry, plugins), expressions: expressionSyntaxIssues },
    async close() {
      triggers.stop();
      // Runs in flight get five seconds to finish; the timer must not outlive them, or it holds
      // the process open that long after a quick close.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([queue.onIdle(), new Promise((resolve) => (grace = setTimeout(resolve, 5000)))]);
      clearTimeout(grace);
      await store.close();
      expressions.dispose();
      plugins.dispose();
    },
  };
}
