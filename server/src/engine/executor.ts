import type { Item, JsonObject, PortItems } from '@sbss/sdk';
import { cancelledError } from './attempt-limits.js';
import { type ErrorRecord, toErrorRecord } from './errors.js';
import type { GraphNode } from './graph.js';
import type { Workflow } from './model.js';
import { type ExecutionPlan, nodeIndex, planExecution, withAncestors } from './plan.js';
import type {
  Clock,
  ExecutionInfo,
  ExecutionJournal,
  ExpressionEvaluator,
  NodeCatalog,
  NodeInvoker,
  StepRecord,
} from './ports.js';
import { RanNodes } from './ran-nodes.js';
import { runStep, type StepEnv, skipStep } from './step-runner.js';

export interface ExecuteOptions {
  workflow: Workflow;
  execution: ExecutionInfo;
  /** The trigger node that fired and the items it fired with; it receives them on `main`. */
  trigger: { nodeId: string; items: Item[] };
  catalog: NodeCatalog;
  invoker: NodeInvoker;
  expressions: ExpressionEvaluator;
  journal: ExecutionJournal;
  clock: Clock;
  /** Steps an earlier run of this execution finished: they are not run again. */
  completedSteps?: StepRecord[];
  /**
   * The workspace variables, asked for when an expression or Code node first names `$vars`;
   * the answer holds for the rest of the execution.
   */
  vars?: () => JsonObject;
  signal?: AbortSignal;
  /** Runs only this node and the nodes it depends on, e.g. to test one node from the editor. */
  stopAfter?: string;
}

export type ExecutionStatus = 'succeeded' | 'failed' | 'cancelled';

export interface ExecutionResult {
  status: ExecutionStatus;
  /** On success, the output of the node that ends the flow (see `lastNodeId`). */
  output?: PortItems;
  /**
   * Of the nodes no edge leaves that ran, the last to finish; when none of them ran (every
   * branch came to nothing), the last node that ran at all.
   */
  lastNodeId?: string;
  error?: ErrorRecord & { nodeId?: string };
  /** In the order the steps finished, including those carried over from `completedSteps`. */
  steps: StepRecord[];
}

/**
 * Runs a workflow from the trigger that fired to its end. A node runs once every node feeding
 * it has settled, with the items they emitted on the connected ports; independent branches run
 * at the same time. Throws only when the workflow cannot be run at all or the journal fails.
 */
export async function executeWorkflow(options: ExecuteOptions): Promise<ExecutionResult> {
  return new ExecutionRun(planExecution(options.workflow), options).execute();
}

const finishedStatuses = new Set(['succeeded', 'skipped']);

class ExecutionRun {
  readonly #plan: ExecutionPlan;
  readonly #options: ExecuteOptions;
  readonly #env: StepEnv;
  readonly #fired: number;
  readonly #stopAfter: number | undefined;
  readonly #active: boolean[] | undefined;
  readonly #waiting: number[];
  readonly #outputs: (PortItems | undefined)[];
  readonly #completed = new Map<string, StepRecord>();
  readonly #steps: StepRecord[] = [];
  #running = 0;
  #stopped = false;
  #cancelled = false;
  #failure: (ErrorRecord & { nodeId: string }) | undefined;
  #fatal: { error: unknown } | undefined;
  #lastSink = -1;
  #lastRan = -1;
  #idle: () => void = () => {};

  constructor(plan: ExecutionPlan, options: ExecuteOptions) {
    this.#plan = plan;
    this.#options = options;
    this.#fired = nodeIndex(plan, options.trigger.nodeId);
    this.#stopAfter = options.stopAfter === undefined ? undefined : nodeIndex(plan, options.stopAfter);
    this.#active = this.#stopAfter === undefined ? undefined : withAncestors(plan, this.#stopAfter);
    this.#waiting = plan.inDegree.slice();
    this.#outputs = new Array(plan.graph.nodes.length);
    for (const step of options.completedSteps ?? []) {
      if (finishedStatuses.has(step.status)) this.#completed.set(step.nodeId, step);
    }
    const isNodeId = (key: string) => plan.graph.indexById.has(key);
    const { workflow, execution, catalog, invoker, expressions, journal, clock } = options;
    // Nodes always get a signal; one nobody aborts costs less than one per attempt.
    const signal = options.signal ?? new AbortController().signal;
    let known: JsonObject | undefined;
    const vars = () => {
      known ??= options.vars?.() ?? {};
      return known;
    };
    const ranNodes = new RanNodes(isNodeId);
    this.#env = {
      workflow,
      execution,
      catalog,
      invoker,
      expressions,
      journal,
      clock,
      vars,
      signal,
      ranNodes,
    };
  }

  async execute(): Promise<ExecutionResult> {
    const { signal } = this.#options;
    if (signal?.aborted) return this.#result(true);
    let onAbort = () => {};
    if (signal) {
      this.#env.cancelled = new Promise<never>((_, reject) => {
        onAbort = () => {
          this.#cancelled = true;
          this.#stopped = true;
          reject(cancelledError());
        };
      });
      // Only attempts running at that moment race it; with none, nobody else would handle it.
      this.#env.cancelled.catch(() => {});
      signal.addEventListener('abort', onAbort, { once: true });
    }
    try {
      await new Promise<void>((resolve) => {
        this.#idle = resolve;
        for (const root of this.#plan.roots) if (this.#isActive(root)) this.#launch(root);
        if (this.#running === 0) resolve();
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (this.#fatal) throw this.#fatal.error;
    return this.#result(this.#cancelled);
  }

  #launch(index: number): void {
    if (this.#stopped) return;
    this.#running++;
    void this.#stepFor(index)
      .then(
        (step) => this.#settle(index, step),
        (error: unknown) => this.#abandon(error),
      )
      .finally(() => {
        if (--this.#running === 0) this.#idle();
      });
  }

  async #stepFor(index: number): Promise<StepRecord> {
    const { node } = this.#node(index);
    const done = this.#completed.get(node.id);
    if (done) return done;
    if (index === this.#fired) return runStep(this.#env, node, { main: this.#options.trigger.items });
    const { input, count } = this.#gather(index);
    // Nothing arrived: a branch not taken, or a trigger that did not fire.
    return count === 0 ? skipStep(this.#env, node, input) : runStep(this.#env, node, input);
  }

  /** Items per input port, concatenated in edge order. */
  #gather(index: number): { input: PortItems; count: number } {
    const input: PortItems = {};
    let count = 0;
    for (const edge of this.#node(index).incoming) {
      const items = this.#outputs[edge.source]?.[edge.sourcePort] ?? [];
      const held = input[edge.targetPort];
      input[edge.targetPort] = !held?.length ? items : items.length ? held.concat(items) : held;
      count += items.length;
    }
    return { input, count };
  }

  #settle(index: number, step: StepRecord): void {
    this.#steps.push(step);
    if (step.status === 'failed') {
      const error = step.error ?? toErrorRecord(new Error('The step failed'));
      this.#failure ??= { ...error, nodeId: step.nodeId };
      this.#stopped = true;
      return;
    }
    const graphNode = this.#node(index);
    if (step.status === 'succeeded') {
      const output = step.output ?? {};
      this.#outputs[index] = output;
      this.#env.ranNodes.add(graphNode.node, step.input, output);
      this.#lastRan = index;
      if (this.#isSink(graphNode)) this.#lastSink = index;
    }
    if (this.#stopped) return;
    for (const edge of graphNode.outgoing) {
      if (!this.#isActive(edge.target)) continue;
      this.#waiting[edge.target] = (this.#waiting[edge.target] as number) - 1;
      if (this.#waiting[edge.target] === 0) this.#launch(edge.target);
    }
  }

  #abandon(error: unknown): void {
    this.#fatal ??= { error };
    this.#stopped = true;
  }

  #isActive(index: number): boolean {
    return this.#active === undefined || this.#active[index] === true;
  }

  /** With `stopAfter`, that node is the only one of the nodes that run that no edge leaves. */
  #isSink(node: GraphNode): boolean {
    return this.#stopAfter === undefined ? node.outgoing.length === 0 : node.index === this.#stopAfter;
  }

  #node(index: number): GraphNode {
    return this.#plan.graph.nodes[index] as GraphNode;
  }

  #result(cancelled: boolean): ExecutionResult {
    const steps = this.#steps;
    if (cancelled) return { status: 'cancelled', error: toErrorRecord(cancelledError()), steps };
    if (this.#failure) return { status: 'failed', error: this.#failure, steps };
    const end = this.#lastSink >= 0 ? this.#lastSink : this.#lastRan;
    if (end < 0) return { status: 'succeeded', steps };
    return { status: 'succeeded', output: this.#outputs[end], lastNodeId: this.#node(end).node.id, steps };
  }
}
