import type { Item, JsonObject, JsonValue, NodeDefinition, ParamIssue, PortItems } from '@sbss/sdk';
import type { ErrorRecord } from './errors.js';
import type { Workflow, WorkflowNode } from './model.js';

/**
 * The engine decides; the runtime does. Everything the engine needs from the world comes
 * through the interfaces in this file, so it can be driven by the server, the CLI and tests.
 */

/** A node type as the engine sees it: its declaration, without caring where it runs. */
export interface NodeTypeInfo {
  type: string;
  definition: Pick<
    NodeDefinition,
    'title' | 'description' | 'category' | 'params' | 'inputs' | 'outputs' | 'trigger' | 'credentials'
  >;
}

export interface NodeCatalog {
  get(type: string): NodeTypeInfo | undefined;
}

/** Runs a node type's own check of params (the SDK's `check`): none for types without one. */
export type ParamsChecker = (type: string, params: Record<string, unknown>) => Promise<readonly ParamIssue[]>;

/** Syntax errors in the `{{ }}` expressions of params, at their paths. */
export type ExpressionChecker = (params: Record<string, unknown>) => readonly ParamIssue[];

/** What validating a workflow while it is edited runs beyond the schemas. */
export interface WorkflowChecks {
  params: ParamsChecker;
  expressions: ExpressionChecker;
}

export type ExecutionMode = 'manual' | 'webhook' | 'schedule' | 'subworkflow' | 'retry' | 'cli';

export interface ExecutionInfo {
  id: string;
  workflowId: string;
  workspaceId: string;
  version: number;
  mode: ExecutionMode;
  startedAt: string;
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  data?: JsonValue;
  at: string;
}

/** One call of a node's `run`, with params already parsed and expressions resolved. */
export interface Invocation {
  workflow: Workflow;
  node: WorkflowNode;
  nodeType: NodeTypeInfo;
  execution: ExecutionInfo;
  /** Params resolved against the first item of the batch (or no item). */
  params: unknown;
  /** Params resolved per item, by input port, in item order. */
  itemParams: Record<string, unknown[]>;
  input: PortItems;
  attempt: number;
  /** Aborted when the node's timeout passes or the execution is cancelled. */
  signal: AbortSignal;
  /** What the step's expressions see besides the item, made when asked (the Code node shows it to its code). */
  scope(): ExpressionContext;
}

export interface InvocationResult {
  output: PortItems;
  logs: LogLine[];
}

export interface NodeInvoker {
  invoke(invocation: Invocation): Promise<InvocationResult>;
}

/** What `{{ }}` expressions can see besides the current item. */
export interface ExpressionContext {
  /** Upstream outputs by node name and by node id: `$node["Name"].json` is the first item. */
  nodes: Record<string, { json: Item; items: Item[] }>;
  /**
   * For each of `items` (the step's input items), the index in `nodes[key].items` of the item it
   * was made from, -1 where that cannot be traced; what `$("Name").item` reads.
   */
  pairedIndexes?(key: string, items: readonly Item[]): number[];
  execution: { id: string; workflowId: string; mode: ExecutionMode };
  workflow: { id: string; name: string; version: number };
  vars: JsonObject;
  now: string;
}

export interface ExpressionEvaluator {
  /** Whether a param value holds `{{ }}` anywhere (strings, arrays, nested objects). */
  hasExpressions(value: unknown): boolean;
  /**
   * Resolves every expression in `params` once per item (`$json` is that item, `$items` all of
   * them). With no items, resolves once with `$json` = `{}`. Returns one value per item; items
   * whose expressions gave the same results may be handed one shared value.
   */
  resolve(params: Record<string, unknown>, context: ExpressionContext, items: Item[]): Promise<unknown[]>;
}

export type StepStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

export interface StepRecord {
  nodeId: string;
  status: StepStatus;
  attempts: number;
  startedAt: string;
  finishedAt?: string;
  input: PortItems;
  output?: PortItems;
  error?: ErrorRecord;
  logs: LogLine[];
  /** How the step's items relate to other steps' items; the store sets it on reading a step back. */
  lineage?: StepLineage;
}

/** An output port of a step of the same execution. */
export interface StepPort {
  step: string;
  port: string;
}

/**
 * What `$("Name").item` follows in a stored run (the editor's preview traces it): which earlier
 * step's output port each input port's items are, and for each output item the index of the input
 * item (over the input ports in key order) it was made from, -1 where unknown. An output port not
 * in `paired` says nothing: its items pair by position when there are as many as input items.
 */
export interface StepLineage {
  inputs: Record<string, StepPort>;
  paired: Record<string, number[]>;
}

/**
 * Where the engine reports progress. Writes may be queued and committed in groups: a step that
 * finished but was not yet committed when the process died simply runs again (at-least-once).
 * Every step the engine settles, skipped ones included, is reported to `stepStarted` and then
 * `stepFinished`; steps carried over from an earlier run (`completedSteps`) are not reported again.
 */
export interface ExecutionJournal {
  stepStarted(step: StepRecord): void | Promise<void>;
  stepFinished(step: StepRecord): void | Promise<void>;
}

export interface Clock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
