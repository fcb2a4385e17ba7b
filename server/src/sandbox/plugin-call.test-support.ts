import type { Item } from '@sbss/sdk';
import type { GrantedCapabilities } from './host-bridge.js';
import type { PluginCall } from './plugin-host.js';

/** A call of `node` on `input` with no params and no capabilities, for tests of the runtime. */
export function pluginCall(node: string, input: Item[], extra: Partial<PluginCall> = {}): PluginCall {
  return {
    node,
    params: {},
    itemParams: {},
    input: { main: input },
    ids: { executionId: 'e', workflowId: 'w', workspaceId: 'ws', nodeId: node },
    now: new Date(),
    capabilities: {} as GrantedCapabilities,
    ...extra,
  };
}
