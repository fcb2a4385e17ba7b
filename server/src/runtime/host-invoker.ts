import { normalizeResult } from '@sbss/sdk';
import type {
  Clock,
  ExecutionInfo,
  Invocation,
  InvocationResult,
  LogLine,
  NodeInvoker,
} from '../engine/index.js';
import { SbssError } from '../engine/index.js';
import type { HostAbilities, HostNodeContext } from '../nodes/host-node.js';
import type { NodeRegistry } from '../plugins/node-registry.js';
import type { Store } from '../store/index.js';
import {
  collectingLog,
  credentialsCapability,
  dataCapability,
  type HttpFactory,
  type MailFactory,
  referencedCredentials,
  stateCapability,
} from './node-capabilities.js';

export interface HostInvokerDeps {
  registry: NodeRegistry;
  store: Store;
  clock: Clock;
  http: HttpFactory;
  mail: MailFactory;
  /** Host abilities of one execution: answering its webhook, running sub-workflows. */
  abilities(execution: ExecutionInfo): Omit<HostAbilities, 'sleep' | 'signal' | 'scope'>;
}

/** Runs nodes that live in the host process, building their context from granted capabilities. */
export function createHostInvoker(deps: HostInvokerDeps): NodeInvoker {
  const { registry, store, clock } = deps;
  return {
    async invoke(invocation: Invocation): Promise<InvocationResult> {
      const entry = registry.get(invocation.nodeType.type);
      if (entry?.runtime !== 'host')
        throw new SbssError('NODE_TYPE_UNKNOWN', `No host node type ${invocation.nodeType.type}`);
      const logs: LogLine[] = [];
      const ctx = hostContext(invocation, logs, deps);
      const output = normalizeResult(await entry.host.run(ctx));
      return { output, logs };
    },
  };

  function hostContext(invocation: Invocation, logs: LogLine[], { http, mail, abilities }: HostInvokerDeps) {
    const { execution, node, signal } = invocation;
    const scope = {
      workspaceId: execution.workspaceId,
      workflowId: execution.workflowId,
      nodeId: node.id,
      credentialRefs: referencedCredentials(node.params),
    };
    const credentials = credentialsCapability(store, scope);
    const ctx: HostNodeContext = {
      params: invocation.params,
      paramsFor: (index, port = 'main') => invocation.itemParams[port]?.[index] ?? invocation.params,
      input: invocation.input,
      executionId: execution.id,
      workflowId: execution.workflowId,
      workspaceId: execution.workspaceId,
      nodeId: node.id,
      idempotencyKey: (index, port = 'main') =>
        `${execution.id}:${node.id}:${port === 'main' ? index : `${port}.${index}`}`,
      now: () => clock.now(),
      http: http(undefined, signal),
      credentials,
      mail: mail(credentials),
      state: stateCapability(store, scope),
      data: dataCapability(store, scope),
      log: collectingLog(logs, clock.now),
      host: {
        ...abilities(execution),
        sleep: (ms) => clock.sleep(ms, signal),
        signal,
        scope: invocation.scope,
      },
    };
    return ctx;
  }
}
