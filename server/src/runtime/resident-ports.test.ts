import { describe, expect, it } from 'vitest';
import { workflowSchema } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';
import { crossing } from './resident-ports.js';

const bundles: Record<string, string> = {
  'scoring/sentiment@1': 'scoring@1',
  'scoring/influence@1': 'scoring@1',
  'scoring/rules@1': 'scoring@1',
  'scoring/custom@1': 'scoring@1',
  'listening/dedupe@1': 'listening@1',
};
const reads: Record<string, string[]> = {
  'scoring/sentiment@1': ['text', 'lang'],
  'scoring/influence@1': ['author', 'metrics'],
  'scoring/rules@1': ['publishedAt', 'text'],
  'listening/dedupe@1': ['id', 'url'],
};
const registry = {
  get: (type: string) =>
    bundles[type]
      ? { runtime: 'sandbox', bundle: { key: bundles[type] }, node: { reads: reads[type] } }
      : { runtime: 'host' },
} as unknown as NodeRegistry;

function workflow(nodes: [string, string, boolean?][], edges: [string, string, string?][]) {
  return workflowSchema.parse({
    id: 'w',
    version: 1,
    name: 'w',
    nodes: nodes.map(([id, type, disabled]) => ({ id, type, params: {}, ...(disabled ? { disabled } : {}) })),
    edges: edges.map(([source, target, sourcePort]) => ({
      source,
      target,
      ...(sourcePort ? { sourcePort } : {}),
    })),
  });
}

describe('crossing: ports kept in the isolate', () => {
  it('keeps a port read by one node of the same plugin only', () => {
    const flow = workflow(
      [
        ['feel', 'scoring/sentiment@1'],
        ['reach', 'scoring/influence@1'],
        ['dedupe', 'listening/dedupe@1'],
      ],
      [
        ['feel', 'reach'],
        ['reach', 'dedupe'],
      ],
    );
    const [feel, reach] = flow.nodes;
    expect(crossing(flow, feel as never, registry).keep).toEqual(['main']);
    expect(crossing(flow, reach as never, registry).keep).toEqual([]);
  });

  it('keeps nothing for a port with two readers, a reader fed by two edges, or a disabled reader', () => {
    const fanOut = workflow(
      [
        ['feel', 'scoring/sentiment@1'],
        ['a', 'scoring/influence@1'],
        ['b', 'scoring/influence@1'],
      ],
      [
        ['feel', 'a'],
        ['feel', 'b'],
      ],
    );
    expect(crossing(fanOut, fanOut.nodes[0] as never, registry).keep).toEqual([]);
    const merged = workflow(
      [
        ['feel', 'scoring/sentiment@1'],
        ['other', 'scoring/sentiment@1'],
        ['reach', 'scoring/influence@1'],
      ],
      [
        ['feel', 'reach'],
        ['other', 'reach'],
      ],
    );
    expect(crossing(merged, merged.nodes[0] as never, registry).keep).toEqual([]);
    const disabled = workflow(
      [
        ['feel', 'scoring/sentiment@1'],
        ['reach', 'scoring/influence@1', true],
      ],
      [['feel', 'reach']],
    );
    expect(crossing(disabled, disabled.nodes[0] as never, registry).keep).toEqual([]);
  });
});

describe('crossing: fields sent', () => {
  it('sends what the node and every node taking its items from the isolate read', () => {
    const flow = workflow(
      [
        ['feel', 'scoring/sentiment@1'],
        ['reach', 'scoring/influence@1'],
        ['urgent', 'scoring/rules@1'],
        ['dedupe', 'listening/dedupe@1'],
      ],
      [
        ['feel', 'reach'],
        ['reach', 'urgent'],
        ['urgent', 'dedupe'],
      ],
    );
    const [feel, reach, urgent] = flow.nodes;
    expect(crossing(flow, feel as never, registry).reads).toEqual([
      'text',
      'lang',
      'author',
      'metrics',
      'publishedAt',
    ]);
    expect(crossing(flow, reach as never, registry).reads).toEqual([
      'author',
      'metrics',
      'publishedAt',
      'text',
    ]);
    expect(crossing(flow, urgent as never, registry).reads).toEqual(['publishedAt', 'text']);
  });

  it('sends whole items when the node or a later one in the isolate does not say what it reads', () => {
    const flow = workflow(
      [
        ['feel', 'scoring/sentiment@1'],
        ['mine', 'scoring/custom@1'],
      ],
      [['feel', 'mine']],
    );
    const [feel, mine] = flow.nodes;
    expect(crossing(flow, feel as never, registry).reads).toBeUndefined();
    expect(crossing(flow, mine as never, registry).reads).toBeUndefined();
  });
});
