import {
  defineNode,
  type LogCapability,
  type NodeContext,
  type NodeDefinition,
  nodeType,
  normalizeResult,
  z,
} from '@sbss/sdk';
import { SbssError } from './errors.js';
import type { Clock, Invocation, LogLine, NodeCatalog, NodeInvoker } from './ports.js';

/** A manual trigger for engine tests: it hands on the items the run was started with. */
export const manualTrigger = defineNode({
  id: 'manual',
  title: 'Manual',
  category: 'trigger',
  trigger: 'manual',
  params: z.object({}),
  run: (ctx) => ctx.input.main ?? [],
});

/** A catalog of node definitions from one plugin, keyed by their `<plugin>/<node>@<major>` type. */
export function definitionCatalog(
  plugin: string,
  definitions: readonly NodeDefinition[],
): NodeCatalog & { definitions: Map<string, NodeDefinition> } {
  const byType = new Map(definitions.map((definition) => [nodeType(plugin, definition), definition]));
  return {
    definitions: byType,
    get(type) {
      const definition = byType.get(type);
      return definition && { type, definition };
    },
  };
}

/**
 * Calls `run` in this realm with no capabilities but `log`: enough for tests and for nodes that
 * only transform items. Anything untrusted runs in the sandbox instead.
 */
export function inProcessInvoker(
  definitions: ReadonlyMap<string, NodeDefinition>,
  clock: Clock,
): NodeInvoker {
  return {
    async invoke(invocation) {
      const definition = definitions.get(invocation.nodeType.type);
      if (!definition)
        throw new SbssError('NODE_TYPE_UNKNOWN', `No node has the type ${invocation.nodeType.type}`);
      const logs: LogLine[] = [];
      const output = normalizeResult(await definition.run(contextFor(invocation, clock, logs)));
      return { output, logs };
    },
  };
}

function contextFor(invocation: Invocation, clock: Clock, logs: LogLine[]): NodeContext {
  const { execution, node, input, itemParams } = invocation;
  const missing = (what: string) => () => {
    throw new SbssError('NODE_FAILED', `${what} is not available to nodes run in-process`);
  };
  return {
    params: invocation.params,
    paramsFor(index, port = 'main') {
      const params = itemParams[port];
      if (!params || index < 0 || index >= params.length)
        throw new RangeError(`No item ${index} on port "${port}"`);
      return params[index];
    },
    input,
    executionId: execution.id,
    workflowId: execution.workflowId,
    workspaceId: execution.workspaceId,
    nodeId: node.id,
    idempotencyKey: (index, port = 'main') =>
      `${execution.id}:${node.id}:${port === 'main' ? index : `${port}.${index}`}`,
    now: () => clock.now(),
    http: { fetch: missing('ctx.http') },
    credentials: { get: missing('ctx.credentials') },
    state: { get: missing('ctx.state'), set: missing('ctx.state'), delete: missing('ctx.state') },
    data: {
      insert: missing('ctx.data'),
      upsert: missing('ctx.data'),
      upsertMany: missing('ctx.data'),
      get: missing('ctx.data'),
      getMany: missing('ctx.data'),
      removeBefore: missing('ctx.data'),
      query: missing('ctx.data'),
      aggregate: missing('ctx.data'),
    },
    mail: { send: missing('ctx.mail') },
    log: collectLogs(logs, clock),
  };
}

function collectLogs(logs: LogLine[], clock: Clock): LogCapability {
  const at = (level: LogLine['level']) => (message: string, data?: LogLine['data']) => {
    const line: LogLine = { level, message, at: clock.now().toISOString() };
    if (data !== undefined) line.data = data;
    logs.push(line);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
