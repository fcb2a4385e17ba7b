import type { NodeDefinition } from '@sbss/sdk';
import { type ExecuteOptions, type ExecutionResult, executeWorkflow } from './executor.js';
import { fakeClock, memoryJournal, standInExpressions } from './fake-world.test-support.js';
import { definitionCatalog, inProcessInvoker } from './in-process-invoker.test-support.js';
import { type Workflow, workflowSchema } from './model.js';
import type { ExecutionInfo } from './ports.js';

/** Builds a workflow from nodes and edges written `source[:port] -> target[:port]`. */
export function testWorkflow(nodes: Record<string, unknown>[], edges: string[] = []): Workflow {
  return workflowSchema.parse({
    id: 'wf-1',
    version: 1,
    name: 'Test workflow',
    nodes,
    edges: edges.map((edge) => {
      const [from = '', to = ''] = edge.split('->').map((end) => end.trim());
      const [source, sourcePort = 'main'] = from.split(':');
      const [target, targetPort = 'main'] = to.split(':');
      return { source, sourcePort, target, targetPort };
    }),
  });
}

export const testExecution: ExecutionInfo = {
  id: 'exec-1',
  workflowId: 'wf-1',
  workspaceId: 'ws-1',
  version: 1,
  mode: 'manual',
  startedAt: '2026-01-01T00:00:00.000Z',
};

/** The engine wired to node definitions of a plugin named `test`, run in-process with fakes. */
export function engineHarness(nodes: NodeDefinition[]) {
  const catalog = definitionCatalog('test', nodes);
  const clock = fakeClock();
  const journal = memoryJournal();
  const expressions = standInExpressions();
  const invoker = inProcessInvoker(catalog.definitions, clock);
  const run = (workflow: Workflow, options: Partial<ExecuteOptions> = {}): Promise<ExecutionResult> =>
    executeWorkflow({
      workflow,
      execution: testExecution,
      trigger: { nodeId: workflow.nodes[0]?.id ?? '', items: [] },
      catalog,
      invoker,
      expressions,
      journal,
      clock,
      ...options,
    });
  return { catalog, clock, journal, expressions, invoker, run };
}
