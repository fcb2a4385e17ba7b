import { describe, expect, it } from 'vitest';
import { buildGraph, findCycle, topologicalOrder } from './graph.js';
import { edgeSchema, workflowNodeSchema } from './model.js';

const node = (id: string, disabled = false) =>
  workflowNodeSchema.parse({ id, type: 'test/pass@1', disabled });
const edge = (source: string, target: string, sourcePort = 'main') =>
  edgeSchema.parse({ source, target, sourcePort });

describe('buildGraph', () => {
  it('links edges to node indexes in edge order', () => {
    const graph = buildGraph([node('a'), node('b'), node('c')], [edge('a', 'c'), edge('b', 'c', 'other')]);
    expect(graph.nodes[2]?.incoming.map((e) => [e.index, e.source, e.sourcePort])).toEqual([
      [0, 0, 'main'],
      [1, 1, 'other'],
    ]);
    expect(graph.nodes[0]?.outgoing.map((e) => e.target)).toEqual([2]);
  });

  it('keeps disabled nodes in the graph, marked', () => {
    const graph = buildGraph([node('a'), node('b', true)], [edge('a', 'b')]);
    expect(graph.nodes[1]?.disabled).toBe(true);
    expect(graph.nodes[1]?.incoming).toHaveLength(1);
  });

  it('reports dangling edges and duplicate ids', () => {
    const graph = buildGraph([node('a'), node('a'), node('b')], [edge('a', 'b'), edge('a', 'ghost')]);
    expect(graph.danglingEdges).toEqual([1]);
    expect(graph.duplicateNodes).toEqual([1]);
    expect(graph.indexById.get('a')).toBe(0);
  });
});

describe('topologicalOrder', () => {
  it('puts every node after the nodes feeding it', () => {
    const graph = buildGraph(
      [node('d'), node('c'), node('b'), node('a')],
      [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')],
    );
    const ids = topologicalOrder(graph).order.map((index) => graph.nodes[index]?.node.id);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(findCycle(graph)).toBeUndefined();
  });

  it('returns the ids of a cycle in edge direction', () => {
    const graph = buildGraph(
      [node('start'), node('x'), node('y'), node('z'), node('after')],
      [edge('start', 'x'), edge('x', 'y'), edge('y', 'z'), edge('z', 'x'), edge('z', 'after')],
    );
    const { order, cycle } = topologicalOrder(graph);
    expect(order).toEqual([0]);
    expect(cycle).toHaveLength(3);
    const rotated = [...(cycle ?? [])];
    while (rotated[0] !== 'x') rotated.push(rotated.shift() as string);
    expect(rotated).toEqual(['x', 'y', 'z']);
  });

  it('finds a node feeding itself', () => {
    const graph = buildGraph([node('loop')], [edge('loop', 'loop')]);
    expect(findCycle(graph)).toEqual(['loop']);
  });
});
