import type { ExpressionContext } from '../engine/ports.js';

/** The scope as it crosses into an isolate: the names expressions and Code node bodies see. */
export interface CrossingScope {
  nodes: ExpressionContext['nodes'] | undefined;
  vars: ExpressionContext['vars'] | undefined;
  execution: ExpressionContext['execution'];
  now: string;
  today: string;
}

/**
 * Upstream outputs and variables are left out when the code never names them (`names('$node')`):
 * they can be large, and copying them into the isolate on every call is the cost.
 */
export function crossingScope(context: ExpressionContext, names: (name: string) => boolean): CrossingScope {
  const time = new Date(context.now);
  const now = Number.isNaN(time.getTime()) ? context.now : time.toISOString();
  return {
    nodes: names('$node') ? context.nodes : undefined,
    vars: names('$vars') ? context.vars : undefined,
    execution: {
      id: context.execution.id,
      workflowId: context.execution.workflowId,
      mode: context.execution.mode,
    },
    now,
    today: now.slice(0, 10),
  };
}
