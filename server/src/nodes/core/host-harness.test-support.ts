import type { Item, NodeDefinition } from '@sbss/sdk';
import { type RunNodeOptions, type RunNodeResult, runNode } from '@sbss/sdk/testing';
import type { ExpressionContext } from '../../engine/ports.js';
import type { HostAbilities, HostNodeDefinition, WebhookResponse } from '../host-node.js';

export interface HostCalls {
  responses: WebhookResponse[];
  sleeps: number[];
  workflows: { workflowId: string; items: Item[] }[];
}

export interface RunHostNodeOptions extends RunNodeOptions {
  /** Answers `ctx.host.runWorkflow`; by default a sub-workflow returns its input on `main`. */
  runWorkflow?: HostAbilities['runWorkflow'];
  /** Answers `ctx.host.sleep` after recording it; by default it returns at once. */
  sleep?: HostAbilities['sleep'];
  signal?: AbortSignal;
  /** What `ctx.host.scope()` gives beside an execution `exec-1` of `wf-1` with no upstream nodes. */
  scope?: Partial<ExpressionContext>;
}

/** `runNode` for core nodes: the same fake capabilities, plus host abilities that record calls. */
export async function runHostNode(
  node: HostNodeDefinition,
  options: RunHostNodeOptions = {},
): Promise<RunNodeResult & { host: HostCalls }> {
  const { runWorkflow, sleep, signal, scope, ...rest } = options;
  const calls: HostCalls = { responses: [], sleeps: [], workflows: [] };
  const host: HostAbilities = {
    respond: (response) => void calls.responses.push(response),
    async runWorkflow(workflowId, items) {
      calls.workflows.push({ workflowId, items });
      return runWorkflow ? runWorkflow(workflowId, items) : { main: items };
    },
    async sleep(ms) {
      calls.sleeps.push(ms);
      if (sleep) await sleep(ms);
    },
    signal: signal ?? new AbortController().signal,
    scope: () => ({
      nodes: {},
      execution: { id: 'exec-1', workflowId: 'wf-1', mode: 'manual' },
      workflow: { id: 'wf-1', name: 'Test workflow', version: 1 },
      vars: {},
      now: new Date().toISOString(),
      ...scope,
    }),
  };
  const plain: NodeDefinition = { ...node, run: (ctx) => node.run({ ...ctx, host }) };
  return { ...(await runNode(plain, rest)), host: calls };
}
