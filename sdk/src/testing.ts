import type { NodeContext } from './context.js';
import { fakeRun, type RunNodeOptions, type RunNodeResult } from './fake-run.js';
import type { PortItems } from './json.js';
import type { NodeDefinition } from './node.js';
import { seenItem, withUnreadFields } from './read-fields.js';
import { normalizeResult } from './result.js';

export {
  type FakeCapabilities,
  type FakeRun,
  fakeRun,
  type LogLine,
  type RunNodeOptions,
  type RunNodeResult,
} from './fake-run.js';

/**
 * Runs a node in-process with fake capabilities, for unit tests. Params are parsed with the
 * node's schema exactly as the engine does before `run`. `runNodeInSandbox` from
 * `@sbss/server/testing` runs the same node with the same fakes in the real sandbox.
 */
export async function runNode(node: NodeDefinition, options: RunNodeOptions = {}): Promise<RunNodeResult> {
  const run = fakeRun(node.id, options);
  const { ids } = run;
  const input = node.reads ? seenInput(run.input, node.reads) : run.input;
  const params = node.params.parse(options.params ?? {});

  const paramsFor = (index: number, port = 'main') => {
    const item = run.input[port]?.[index];
    if (!item) throw new RangeError(`No item ${index} on port "${port}"`);
    return options.itemParams ? node.params.parse(options.itemParams(item, index, port)) : params;
  };

  const ctx: NodeContext = {
    params,
    paramsFor,
    input,
    ...ids,
    idempotencyKey: (index, port = 'main') =>
      `${ids.executionId}:${ids.nodeId}:${port === 'main' ? index : `${port}.${index}`}`,
    now: () => new Date(run.now),
    ...run.capabilities,
  };
  const output = normalizeResult(await node.run(ctx));
  if (!node.reads) return { output, ...run.recorded };
  const restored = withUnreadFields(output, Object.values(input).flat(), Object.values(run.input).flat());
  return { output: restored, ...run.recorded };
}

/** Items cut down to the fields the node reads, as the sandbox hands them over. */
function seenInput(input: PortItems, reads: readonly string[]): PortItems {
  return Object.fromEntries(
    Object.entries(input).map(([port, items]) => [port, items.map((item) => seenItem(item, reads))]),
  );
}
