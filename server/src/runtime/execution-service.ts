import type { Item, JsonObject, PortItems } from '@sbss/sdk';
import {
  type Clock,
  type ErrorRecord,
  type ExecutionInfo,
  type ExecutionMode,
  type ExpressionEvaluator,
  executeWorkflow,
  type NodeInvoker,
  SbssError,
  type StepRecord,
  toErrorRecord,
  type Workflow,
} from '../engine/index.js';
import type { WebhookResponse } from '../nodes/host-node.js';
import type { NodeRegistry } from '../plugins/node-registry.js';
import { type Store, type UnfinishedExecution, uuidv7 } from '../store/index.js';
import type { RunQueue } from './run-queue.js';
import { triggerItems, triggerNodeFor } from './trigger-node.js';
import { WorkflowCache } from './workflow-cache.js';

export interface StartRequest {
  workspaceId: string;
  workflowId: string;
  /** Defaults to the current version. */
  version?: number;
  mode: ExecutionMode;
  trigger?: { nodeId?: string; items: Item[] };
  stopAfter?: string;
  /** The execution whose sub-workflow node started this one. */
  parentExecutionId?: string;
  /** Called when a respond node answers the webhook that started the run. */
  onRespond?: (response: WebhookResponse) => void;
}

export interface ExecutionOutcome {
  executionId: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  output?: PortItems;
  lastNodeId?: string;
  error?: ErrorRecord;
}

export interface StartedExecution {
  executionId: string;
  finished: Promise<ExecutionOutcome>;
}

export interface ExecutionServiceDeps {
  store: Store;
  registry: NodeRegistry;
  expressions: ExpressionEvaluator;
  clock: Clock;
  queue: RunQueue;
  invoker: NodeInvoker;
  onError?: (error: unknown) => void;
  onFinished?: (outcome: ExecutionOutcome) => void;
  /** Turns a workflow's triggers off (`TriggerService.deactivate`). */
  deactivate?: (workspaceId: string, workflowId: string) => Promise<void>;
}

/** Sub-workflows calling sub-workflows stop here, so a workflow calling itself cannot run away. */
export const maxSubworkflowDepth = 10;

/** How long an execution resumed after an unexpected stop runs alone before the next resumes. */
const resumeAloneMs = 10_000;

interface RunOptions {
  stopAfter?: string;
  /** Commit each step's start before it runs (see `#resumeOneAtATime`). */
  durableStarts?: boolean;
}

interface Running {
  controller: AbortController;
  depth: number;
  onRespond?: (response: WebhookResponse) => void;
}

/** Starts, runs, resumes and cancels executions; every step goes through the store. */
export class ExecutionService {
  readonly #deps: ExecutionServiceDeps;
  readonly #workflows: WorkflowCache;
  readonly #running = new Map<string, Running>();

  constructor(deps: ExecutionServiceDeps) {
    this.#deps = deps;
    this.#workflows = new WorkflowCache(deps.store);
  }

  /** Stores the execution with its trigger items (durably) before anything runs. */
  async start(request: StartRequest): Promise<StartedExecution> {
    const depth = this.#depthOf(request.parentExecutionId);
    const workflow = this.#workflows.get(request.workspaceId, request.workflowId, request.version);
    const nodeId = request.trigger?.nodeId ?? triggerNodeFor(workflow, request.mode, this.#deps.registry);
    const items = request.trigger?.items ?? [{}];
    const trigger = {
      nodeId,
      items: triggerItems(workflow, nodeId, request.mode, items, this.#deps.registry),
    };
    const execution: ExecutionInfo = {
      id: uuidv7(),
      workflowId: workflow.id,
      workspaceId: request.workspaceId,
      version: workflow.version,
      mode: request.mode,
      startedAt: this.#deps.clock.now().toISOString(),
    };
    await this.#deps.store.executions.create({ ...execution, status: 'queued', trigger });
    const running: Running = { controller: new AbortController(), depth };
    if (request.onRespond) running.onRespond = request.onRespond;
    this.#running.set(execution.id, running);
    const finished = this.#enqueue(workflow, execution, trigger, [], {
      ...(request.stopAfter ? { stopAfter: request.stopAfter } : {}),
    });
    return { executionId: execution.id, finished };
  }

  /** Starts and waits for the end: for sub-workflows and the CLI. */
  async run(request: StartRequest): Promise<ExecutionOutcome> {
    return (await this.start(request)).finished;
  }

  /**
   * Picks up executions a previous process left queued or running, from their last completed
   * step. After an unexpected stop (`afterCrash`), the process may have been ended by what one of
   * them ran (`SANDBOX.md`, source length and memory): they are resumed one at a time, each
   * counted first, so when the server stops again, the one that was running is known, and the
   * next start fails it with `SERVER_STOPPED` instead of running it a third time.
   */
  async resumeUnfinished(options: { afterCrash?: boolean } = {}): Promise<number> {
    const unfinished = this.#deps.store.executions.listUnfinished();
    if (options.afterCrash) {
      this.#resumeOneAtATime(unfinished).catch((error) => this.#deps.onError?.(error));
    } else {
      for (const record of unfinished) this.#resume(record).catch((error) => this.#deps.onError?.(error));
    }
    return unfinished.length;
  }

  async #resumeOneAtATime(records: UnfinishedExecution[]): Promise<void> {
    const { store, clock } = this.#deps;
    for (const record of records) {
      if (record.resumes > 0) {
        await this.#failStopped(record);
        continue;
      }
      await store.executions.markResumed(record.id);
      // A long wait in the execution does not hold the others back for long; the stop it caused,
      // if any, comes from the step it resumes at, seconds in at most.
      const ended = new AbortController();
      const resumed = this.#resume(record, { durableStarts: true })
        .catch(() => {})
        .finally(() => ended.abort());
      await Promise.race([resumed, clock.sleep(resumeAloneMs, ended.signal).catch(() => {})]);
    }
  }

  #resume(record: UnfinishedExecution, options: RunOptions = {}): Promise<ExecutionOutcome> {
    const workflow = this.#workflows.get(record.workspaceId, record.workflowId, record.version);
    const done = this.#deps.store.executions
      .getSteps(record.id)
      .filter((step) => step.status === 'succeeded' || step.status === 'skipped');
    this.#running.set(record.id, { controller: new AbortController(), depth: 0 });
    const execution: ExecutionInfo = {
      id: record.id,
      workflowId: record.workflowId,
      workspaceId: record.workspaceId,
      version: record.version,
      mode: record.mode,
      startedAt: record.startedAt ?? record.createdAt,
    };
    return this.#enqueue(workflow, execution, record.trigger, done, options);
  }

  /** Fails an execution the server stopped while running it, twice: its step that was running too. */
  async #failStopped(record: UnfinishedExecution): Promise<void> {
    const { store, clock } = this.#deps;
    const finishedAt = clock.now().toISOString();
    const running = store.executions.getSteps(record.id).find((step) => step.status === 'running');
    const where = running ? ` at node "${running.nodeId}"` : '';
    // Its triggers would start it again on the next call or tick, and end the server each time.
    const active = store.workflows.get(record.workspaceId, record.workflowId)?.active === true;
    const turnedOff = active && this.#deps.deactivate !== undefined;
    if (turnedOff) await this.#deps.deactivate?.(record.workspaceId, record.workflowId);
    const error = toErrorRecord(
      new SbssError(
        'SERVER_STOPPED',
        `The server stopped unexpectedly while this execution ran${where}, and again when it ran alone once more, so it is not run again${turnedOff ? ' and its workflow was deactivated' : ''}: something it runs ends the server's process, such as sandboxed code asking for more memory at once than its isolate may have`,
      ),
    );
    if (running) {
      await store.executions.upsertStep(record.id, record.workspaceId, {
        ...running,
        status: 'failed',
        finishedAt,
        error,
      });
    }
    await store.executions.finish(record.id, { status: 'failed', error, finishedAt });
    this.#deps.onFinished?.({ executionId: record.id, status: 'failed', error });
  }

  #depthOf(parentExecutionId: string | undefined): number {
    if (parentExecutionId === undefined) return 0;
    const depth = (this.#running.get(parentExecutionId)?.depth ?? 0) + 1;
    if (depth > maxSubworkflowDepth) {
      throw new SbssError('NODE_FAILED', `Sub-workflows are nested more than ${maxSubworkflowDepth} deep`);
    }
    return depth;
  }

  cancel(executionId: string): boolean {
    const running = this.#running.get(executionId);
    running?.controller.abort(new SbssError('EXECUTION_CANCELLED'));
    return running !== undefined;
  }

  respond(executionId: string, response: WebhookResponse): void {
    this.#running.get(executionId)?.onRespond?.(response);
  }

  forget(workflowId: string): void {
    this.#workflows.forget(workflowId);
  }

  #enqueue(
    workflow: Workflow,
    execution: ExecutionInfo,
    trigger: { nodeId: string; items: Item[] },
    completedSteps: StepRecord[],
    options: RunOptions = {},
  ): Promise<ExecutionOutcome> {
    return this.#deps.queue.push(workflow.id, workflow.settings.concurrency, () =>
      this.#execute(workflow, execution, trigger, completedSteps, options).finally(() =>
        this.#running.delete(execution.id),
      ),
    );
  }

  async #execute(
    workflow: Workflow,
    execution: ExecutionInfo,
    trigger: { nodeId: string; items: Item[] },
    completedSteps: StepRecord[],
    { stopAfter, durableStarts }: RunOptions,
  ): Promise<ExecutionOutcome> {
    const { store, registry, expressions, clock, invoker } = this.#deps;
    const signal = this.#running.get(execution.id)?.controller.signal ?? new AbortController().signal;
    const startedAt = clock.now().toISOString();
    // Step writes are queued, not awaited one by one: a fast execution's writes then commit
    // together in one transaction. Steps are at-least-once, so a step whose record was not yet
    // committed when the process died simply runs again; the finish waits for all of them.
    const writes: Promise<void>[] = [];
    const queue = (write: Promise<void>) => {
      // Handled here so a failed write is not an unhandled rejection before it is awaited below.
      write.catch(() => {});
      writes.push(write);
    };
    queue(store.executions.markRunning(execution.id, startedAt));
    const record = (step: StepRecord) =>
      queue(store.executions.upsertStep(execution.id, execution.workspaceId, step));
    const result = await executeWorkflow({
      workflow,
      execution: { ...execution, startedAt },
      trigger,
      catalog: registry,
      invoker,
      expressions,
      clock,
      signal,
      completedSteps,
      vars: () => store.variables.values(execution.workspaceId),
      ...(stopAfter ? { stopAfter } : {}),
      // A started step is stored without its items: its finished record, usually in the same
      // commit, carries them, and writing a large input twice cost more than the run itself.
      journal: {
        stepStarted: (step) => {
          const started = { ...step, input: {} };
          // Resumed alone after an unexpected stop, it commits each step before running it: if
          // the process ends again, the next start names the node that ended it.
          if (durableStarts) return store.executions.upsertStep(execution.id, execution.workspaceId, started);
          record(started);
        },
        stepFinished: record,
      },
    });
    const outcome: ExecutionOutcome = { executionId: execution.id, status: result.status };
    if (result.output) outcome.output = result.output;
    if (result.lastNodeId) outcome.lastNodeId = result.lastNodeId;
    if (result.error) outcome.error = result.error;
    queue(
      store.executions.finish(execution.id, {
        status: result.status,
        output: result.output,
        error: result.error,
        finishedAt: clock.now().toISOString(),
      }),
    );
    await Promise.all(writes);
    this.#deps.onFinished?.(outcome);
    if (result.status === 'failed') this.#runErrorWorkflow(workflow, execution, outcome);
    return outcome;
  }

  #runErrorWorkflow(workflow: Workflow, execution: ExecutionInfo, outcome: ExecutionOutcome): void {
    const errorWorkflowId = workflow.settings.errorWorkflowId;
    if (!errorWorkflowId || errorWorkflowId === workflow.id) return;
    const item = {
      execution: {
        id: execution.id,
        workflowId: workflow.id,
        workflowName: workflow.name,
        mode: execution.mode,
      },
      error: outcome.error ? { ...outcome.error, details: null } : null,
    } as JsonObject;
    this.start({
      workspaceId: execution.workspaceId,
      workflowId: errorWorkflowId,
      mode: 'manual',
      trigger: { items: [item] },
    }).catch((error) => this.#deps.onError?.(error));
  }
}
