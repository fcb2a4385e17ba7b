import type { Invocation, NodeInvoker } from '../engine/index.js';
import { SbssError } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';

/** Sends each call where its node runs: core nodes in the host, plugin nodes in their isolate. */
export function createDispatchingInvoker(
  registry: NodeRegistry,
  host: NodeInvoker,
  sandbox: NodeInvoker,
): NodeInvoker {
  return {
    invoke(invocation: Invocation) {
      const entry = registry.get(invocation.nodeType.type);
      if (!entry) throw new SbssError('NODE_TYPE_UNKNOWN', `No node type ${invocation.nodeType.type}`);
      return entry.runtime === 'sandbox' ? sandbox.invoke(invocation) : host.invoke(invocation);
    },
  };
}
