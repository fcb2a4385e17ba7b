import { checkParams } from '@sbss/sdk';
import type { ParamsChecker } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';
import type { SandboxedPlugins } from './sandboxed-plugins.js';

/** Runs a node type's own params check where the node runs: in the host, or in its plugin's isolate. */
export function createParamsChecker(registry: NodeRegistry, plugins: SandboxedPlugins): ParamsChecker {
  return async (type, params) => {
    const entry = registry.get(type);
    if (entry?.runtime === 'host') return checkParams(entry.host, params);
    if (entry?.runtime === 'sandbox' && entry.node.checks) return plugins.check(entry, params);
    return [];
  };
}
