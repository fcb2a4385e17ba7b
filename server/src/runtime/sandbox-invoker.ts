import type { Clock, Invocation, InvocationResult, NodeInvoker } from '../engine/index.js';
import { SbssError } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';
import type { PluginHost } from '../sandbox/plugin-host.js';
import type { Store } from '../store/index.js';
import {
  type CapabilityScope,
  credentialsCapability,
  dataCapability,
  type HttpFactory,
  type MailFactory,
  referencedCredentials,
  stateCapability,
} from './node-capabilities.js';
import { crossing } from './resident-ports.js';

export interface SandboxInvokerDeps {
  registry: NodeRegistry;
  store: Store;
  clock: Clock;
  http: HttpFactory;
  host: PluginHost;
  /** Sends mail for plugins whose manifest asks for it; without it `ctx.mail` always fails. */
  mail?: MailFactory;
  /** Hosts granted per plugin name on top of its manifest's `httpHosts`. */
  pluginHosts?: Record<string, string[]>;
}

/**
 * Runs plugin nodes in their plugin's isolate. The capabilities are the same store-backed ones
 * host nodes get, scoped the same way; `ctx.http` reaches only the manifest's hosts.
 */
export function createSandboxInvoker(deps: SandboxInvokerDeps): NodeInvoker {
  const { registry, store, clock, http, host } = deps;
  return {
    async invoke(invocation: Invocation): Promise<InvocationResult> {
      const entry = registry.get(invocation.nodeType.type);
      if (entry?.runtime !== 'sandbox') {
        throw new SbssError('NODE_TYPE_UNKNOWN', `No plugin node type ${invocation.nodeType.type}`);
      }
      const { execution, node } = invocation;
      const scope: CapabilityScope = {
        workspaceId: execution.workspaceId,
        workflowId: execution.workflowId,
        nodeId: node.id,
        credentialRefs: referencedCredentials(node.params),
      };
      const { permissions, name } = entry.manifest;
      const granted = deps.pluginHosts?.[name] ?? [];
      const credentials = credentialsCapability(store, scope);
      return host.run(entry.bundle, {
        node: `${entry.node.id}@${entry.node.version}`,
        params: invocation.params,
        itemParams: invocation.itemParams,
        input: invocation.input,
        ids: {
          executionId: execution.id,
          workflowId: execution.workflowId,
          workspaceId: execution.workspaceId,
          nodeId: node.id,
        },
        now: clock.now(),
        signal: invocation.signal,
        ...crossing(invocation.workflow, node, registry),
        capabilities: {
          http: http([...permissions.httpHosts, ...granted], invocation.signal),
          credentials,
          state: stateCapability(store, scope),
          data: dataCapability(store, scope),
          ...(permissions.mail && deps.mail ? { mail: deps.mail(credentials) } : {}),
        },
      });
    },
  };
}
