import type { JsonValue, NodeDefinition, StateCapability } from '@sbss/sdk';

/**
 * The node with a `ctx.state` that outlives one harness run, as the server's does between the
 * attempts of a step: the harness's own state is lost when `run` throws.
 */
export function withState(node: NodeDefinition, store: Map<string, JsonValue>): NodeDefinition {
  const state: StateCapability = {
    get: async <T extends JsonValue>(key: string) => store.get(key) as T | undefined,
    set: async (key, value) => void store.set(key, structuredClone(value)),
    delete: async (key) => void store.delete(key),
  };
  return { ...node, run: (ctx) => node.run({ ...ctx, state }) };
}
