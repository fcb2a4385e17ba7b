import type { Execution, ExpressionFunctions, Item } from '../api/contract';
import type { FlowEdge, FlowNode } from '../workflow/flow-graph';
import type { CompletionSource } from './completion';
import type { PreviewScope } from './evaluate';
import { type ItemPlace, pairedItem } from './paired-item';

/**
 * The sample data a node's expressions are completed and previewed against: what reached the
 * node in the run on screen, else what its upstream nodes put out, else the pinned sample input.
 */

/** The first item of `port`, else of the first port that has one, with the port it is on. */
function firstItem(
  ports: Record<string, Item[]> | undefined,
  port?: string,
): { item: Item; port: string } | undefined {
  if (!ports) return undefined;
  const preferred = port ? ports[port]?.[0] : undefined;
  if (port && preferred) return { item: preferred, port };
  for (const [name, items] of Object.entries(ports)) if (items[0]) return { item: items[0], port: name };
  return undefined;
}

function ancestors(nodeId: string, edges: readonly FlowEdge[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>([nodeId]);
  const queue = [nodeId];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const edge of edges) {
      if (edge.target === current && !seen.has(edge.source)) {
        seen.add(edge.source);
        order.push(edge.source);
        queue.push(edge.source);
      }
    }
  }
  return order;
}

export interface SampleInput {
  completion: CompletionSource;
  scope: PreviewScope | undefined;
}

/** What the sample is taken from besides the graph: the run on screen, pinned items, the workspace. */
export interface SampleSources {
  execution: Execution | undefined;
  pinned: Item[] | undefined;
  vars?: Record<string, unknown>;
  workflow?: PreviewScope['$workflow'];
  functions?: ExpressionFunctions | undefined;
}

export function upstreamSample(
  nodeId: string,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  { execution, pinned, vars = {}, workflow, functions }: SampleSources,
): SampleInput {
  const steps = new Map((execution?.steps ?? []).map((step) => [step.nodeId, step]));
  const names = new Map(nodes.map((n) => [n.id, n.type === 'workflow' ? (n.data.spec.name ?? n.id) : n.id]));
  const upstream = ancestors(nodeId, edges);
  let json: Item | undefined;
  let place: ItemPlace | undefined;
  const reached = firstItem(steps.get(nodeId)?.input);
  if (reached) {
    json = reached.item;
    place = { step: nodeId, side: 'input', port: reached.port, index: 0 };
  } else {
    const incoming = edges.find((e) => e.target === nodeId);
    const emitted =
      incoming && firstItem(steps.get(incoming.source)?.output, incoming.sourceHandle ?? 'main');
    if (incoming && emitted) {
      json = emitted.item;
      place = { step: incoming.source, side: 'output', port: emitted.port, index: 0 };
    }
  }
  if (!json && pinned?.length && (upstream.length > 0 || edges.every((e) => e.target !== nodeId)))
    json = pinned[0];
  const nodeItems: Record<string, unknown> = {};
  const scopeNodes: NonNullable<PreviewScope['$node']> = {};
  for (const id of upstream) {
    const output = steps.get(id)?.output;
    const items = output ? Object.values(output).flat() : [];
    const name = names.get(id) ?? id;
    nodeItems[name] = items[0] ?? {};
    const paired = place && pairedItem(steps, place, id);
    scopeNodes[name] = { json: items[0] ?? {}, items, ...(paired ? { paired } : {}) };
    scopeNodes[id] = scopeNodes[name];
  }
  const scope: PreviewScope | undefined = json
    ? {
        $json: json,
        $node: scopeNodes,
        $items: [json],
        $now: new Date().toISOString(),
        $vars: vars,
        $execution: {
          id: execution?.id ?? 'preview',
          workflowId: execution?.workflowId ?? '',
          mode: 'manual',
        },
        ...(workflow ? { $workflow: workflow } : {}),
      }
    : undefined;
  return {
    completion: { json: json ?? {}, nodes: nodeItems, vars, ...(functions ? { functions } : {}) },
    scope,
  };
}
