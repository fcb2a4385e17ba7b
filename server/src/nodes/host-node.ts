import {
  defineNode,
  type Item,
  type JsonValue,
  type NodeContext,
  type NodeDeclaration,
  type NodeDefinition,
  type NodeResult,
  type PortItems,
} from '@sbss/sdk';
import type { z } from 'zod';
import type { ExpressionContext } from '../engine/ports.js';

/** The HTTP answer a `core/respond@1` node gives to the webhook call that started the run. */
export interface WebhookResponse {
  status: number;
  headers?: Record<string, string>;
  body: JsonValue;
}

/**
 * Abilities only the platform's own control-flow nodes get. They run in the host, next to the
 * runtime; plugin nodes never see these.
 */
export interface HostAbilities {
  /** Answers the webhook call that started this execution (responseMode "respondNode"). */
  respond(response: WebhookResponse): void;
  /** Runs another workflow of the same workspace to its end and returns its output. */
  runWorkflow(workflowId: string, items: Item[]): Promise<PortItems>;
  /** Waits, and stops waiting with an error when the step times out or is cancelled. */
  sleep(ms: number): Promise<void>;
  /** Aborted when the step times out or the execution is cancelled. */
  readonly signal: AbortSignal;
  /** What the step's expressions see: upstream outputs (`$node`), the execution, `$vars`, the clock. */
  scope(): ExpressionContext;
}

export interface HostNodeContext<P = unknown> extends NodeContext<P> {
  readonly host: HostAbilities;
}

export interface HostNodeDefinition<P extends z.ZodType = z.ZodType> extends Omit<NodeDefinition<P>, 'run'> {
  readonly runsInHost: true;
  run(ctx: HostNodeContext<z.output<P>>): Promise<NodeResult> | NodeResult;
}

export type HostNodeDeclaration<P extends z.ZodType> = Omit<NodeDeclaration<P>, 'run'> & {
  run(ctx: HostNodeContext<z.output<P>>): Promise<NodeResult> | NodeResult;
};

/** Declares a core node: the same contract as `defineNode`, plus the host abilities. */
export function defineHostNode<P extends z.ZodType>(
  declaration: HostNodeDeclaration<P>,
): HostNodeDefinition<P> {
  const { run, ...rest } = declaration;
  const { run: _unused, ...checked } = defineNode<P>({ ...rest, run: () => [] });
  return { ...checked, run, runsInHost: true };
}
