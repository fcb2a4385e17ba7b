import type { JsonObject, PortItems } from '@sbss/sdk';
import { cancelledError, withinLimits } from './attempt-limits.js';
import { SbssError } from './errors.js';
import type { Workflow, WorkflowNode } from './model.js';
import type {
  Clock,
  ExecutionInfo,
  ExecutionJournal,
  ExpressionContext,
  ExpressionEvaluator,
  InvocationResult,
  NodeCatalog,
  NodeInvoker,
  NodeTypeInfo,
  StepRecord,
} from './ports.js';
import type { RanNodes } from './ran-nodes.js';
import { backoffDelay } from './retry-policy.js';
import { settleFailure } from './step-failure.js';
import { resolveParams } from './step-params.js';

/** What running one step needs from the execution around it. */
export interface StepEnv {
  workflow: Workflow;
  execution: ExecutionInfo;
  catalog: NodeCatalog;
  invoker: NodeInvoker;
  expressions: ExpressionEvaluator;
  journal: ExecutionJournal;
  clock: Clock;
  vars: () => JsonObject;
  /** Aborts when the execution is cancelled. */
  signal: AbortSignal;
  /** Rejects when `signal` aborts; absent when nothing can cancel the execution. */
  cancelled?: Promise<never>;
  ranNodes: RanNodes;
}

/** Runs one node to its end: attempts, retries, timeouts and what its `onError` says. */
export async function runStep(env: StepEnv, node: WorkflowNode, input: PortItems): Promise<StepRecord> {
  const step: StepRecord = {
    nodeId: node.id,
    status: 'running',
    attempts: 0,
    startedAt: env.clock.now().toISOString(),
    input,
    logs: [],
  };
  await env.journal.stepStarted({ ...step, logs: [] });
  try {
    // A disabled node passes `main` through, as in n8n, so the flow goes on without it.
    step.output = node.disabled ? { main: input.main ?? [] } : await runAttempts(env, node, step);
    step.status = 'succeeded';
  } catch (error) {
    const cancelled = env.signal.aborted;
    settleFailure(step, node, cancelled ? cancelledError() : error, cancelled);
  }
  step.finishedAt = env.clock.now().toISOString();
  await env.journal.stepFinished(step);
  return step;
}

/** A step with nothing to do: journaled like any other so every node shows what became of it. */
export async function skipStep(env: StepEnv, node: WorkflowNode, input: PortItems): Promise<StepRecord> {
  const at = env.clock.now().toISOString();
  const step: StepRecord = {
    nodeId: node.id,
    status: 'running',
    attempts: 0,
    startedAt: at,
    input,
    logs: [],
  };
  await env.journal.stepStarted({ ...step });
  const skipped: StepRecord = { ...step, status: 'skipped', finishedAt: at };
  await env.journal.stepFinished(skipped);
  return skipped;
}

const notRetried = new Set(['NODE_PARAMS_INVALID', 'NODE_TYPE_UNKNOWN', 'EXECUTION_CANCELLED']);

async function runAttempts(env: StepEnv, node: WorkflowNode, step: StepRecord): Promise<PortItems> {
  const nodeType = env.catalog.get(node.type);
  if (!nodeType) throw new SbssError('NODE_TYPE_UNKNOWN', `No installed node has the type "${node.type}"`);
  const { retry } = node;
  for (let attempt = 1; ; attempt++) {
    step.attempts = attempt;
    try {
      const result = await runAttempt(env, node, nodeType, step.input, attempt);
      step.logs.push(...result.logs);
      return result.output;
    } catch (error) {
      const spent = !retry || attempt >= retry.maxAttempts || env.signal.aborted;
      if (spent || isPermanent(error)) throw error;
      await waitBeforeRetry(env, backoffDelay(retry, attempt));
    }
  }
}

/**
 * Errors that no retry can fix: the engine's own, and node errors whose details say
 * `retryable: false` (a platform rejecting the request itself, not a rate limit or an outage).
 */
function isPermanent(error: unknown): boolean {
  if (error instanceof SbssError && notRetried.has(error.code)) return true;
  const details = (error as { details?: unknown } | undefined)?.details;
  return (
    typeof details === 'object' &&
    details !== null &&
    (details as { retryable?: unknown }).retryable === false
  );
}

async function waitBeforeRetry(env: StepEnv, ms: number): Promise<void> {
  try {
    await env.clock.sleep(ms, env.signal);
  } catch (error) {
    if (!env.signal.aborted) throw error;
  }
  if (env.signal.aborted) throw cancelledError();
}

async function runAttempt(
  env: StepEnv,
  node: WorkflowNode,
  nodeType: NodeTypeInfo,
  input: PortItems,
  attempt: number,
): Promise<InvocationResult> {
  const schema = nodeType.definition.params;
  const context = () => expressionContext(env);
  const { params, itemParams } = await resolveParams({
    node,
    schema,
    input,
    expressions: env.expressions,
    context,
  });
  const limits = { nodeId: node.id, timeoutMs: node.timeoutMs, signal: env.signal, cancelled: env.cancelled };
  const { workflow, execution } = env;
  const result = await withinLimits(env.clock, limits, async (signal) =>
    env.invoker.invoke({
      workflow,
      node,
      nodeType,
      execution,
      params,
      itemParams,
      input,
      attempt,
      signal,
      scope: context,
    }),
  );
  for (const port in result.output) {
    if (!Object.hasOwn(nodeType.definition.outputs, port)) {
      throw new SbssError(
        'NODE_FAILED',
        `Node "${node.id}" returned items on undeclared output port "${port}"`,
      );
    }
  }
  return result;
}

function expressionContext(env: StepEnv): ExpressionContext {
  const { id, workflowId, mode } = env.execution;
  return {
    nodes: env.ranNodes.byKey(),
    pairedIndexes: (key, items) => env.ranNodes.pairedIndexes(key, items),
    execution: { id, workflowId, mode },
    workflow: { id: env.workflow.id, name: env.workflow.name, version: env.workflow.version },
    // Most steps' expressions never name `$vars`: they are read only when asked for.
    get vars() {
      return env.vars();
    },
    now: env.clock.now().toISOString(),
  };
}
