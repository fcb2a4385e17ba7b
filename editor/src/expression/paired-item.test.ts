import { describe, expect, it } from 'vitest';
import type { Execution, ExecutionStep, Item } from '../api/contract';
import type { FlowEdge, FlowNode } from '../workflow/flow-graph';
import { evaluateTemplate, previewTemplate } from './evaluate';
import { pairedItem } from './paired-item';
import { upstreamSample } from './upstream-sample';

const mentions: Item[] = [
  { author: 'ann', text: 'love it' },
  { author: 'bo', text: 'meh' },
  { author: 'cy', text: 'broken again' },
];
const kept = [mentions[2], mentions[0]] as Item[];
const reshaped = [{ quote: 'broken again' }, { quote: 'love it' }];
const coded = [{ short: 'love' }, { short: 'broken' }];

const step = (nodeId: string, fields: Partial<ExecutionStep>): ExecutionStep => ({
  nodeId,
  status: 'succeeded',
  attempts: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  input: {},
  ...fields,
});

/**
 * A run as the API gives it back: a trigger, a filter that kept two mentions in another order
 * (differences: it names its input items), a Set that rebuilt them (said nothing: by position), a
 * Code node that swapped them and said so (`pairedItem`), and the node being edited.
 */
const steps: ExecutionStep[] = [
  step('mentions', { output: { main: mentions }, lineage: { inputs: {}, paired: {} } }),
  step('filter', {
    input: { main: mentions },
    output: { kept, dropped: [mentions[1] as Item] },
    lineage: { inputs: { main: { step: 'mentions', port: 'main' } }, paired: { kept: [2, 0], dropped: [1] } },
  }),
  step('reshape', {
    input: { main: kept },
    output: { main: reshaped },
    lineage: { inputs: { main: { step: 'filter', port: 'kept' } }, paired: {} },
  }),
  step('code', {
    input: { main: reshaped },
    output: { main: coded },
    lineage: { inputs: { main: { step: 'reshape', port: 'main' } }, paired: { main: [1, 0] } },
  }),
  step('reply', {
    input: { main: coded },
    output: { main: coded },
    lineage: { inputs: { main: { step: 'code', port: 'main' } }, paired: { main: [0, 1] } },
  }),
];
const byId = new Map(steps.map((s) => [s.nodeId, s]));

describe('pairedItem', () => {
  it('follows an item back through differences, positions and pairedItem to the named node', () => {
    const second = { step: 'reply', side: 'input' as const, port: 'main', index: 1 };
    expect(pairedItem(byId, second, 'code')).toEqual({ short: 'broken' });
    expect(pairedItem(byId, second, 'reshape')).toEqual({ quote: 'broken again' });
    expect(pairedItem(byId, second, 'filter')).toEqual(mentions[2]);
    expect(pairedItem(byId, second, 'mentions')).toEqual(mentions[2]);
    const first = { ...second, index: 0 };
    expect(pairedItem(byId, first, 'mentions')).toEqual(mentions[0]);
  });

  it('gives nothing where the trail breaks, or for a node the item did not pass', () => {
    const place = { step: 'reply', side: 'input' as const, port: 'main', index: 0 };
    const dropped = { step: 'filter', side: 'output' as const, port: 'dropped', index: 0 };
    expect(pairedItem(byId, dropped, 'reshape')).toBeUndefined();
    expect(pairedItem(byId, dropped, 'mentions')).toEqual(mentions[1]);
    // A Set that emitted fewer items than it was given, and said nothing: no position to go by.
    const fewer = new Map(byId).set('reshape', {
      ...(byId.get('reshape') as ExecutionStep),
      output: { main: [{}] },
    });
    expect(pairedItem(fewer, place, 'mentions')).toBeUndefined();
    const looped = new Map([
      [
        'A',
        step('A', {
          input: { main: [{}] },
          lineage: { inputs: { main: { step: 'A', port: 'main' } }, paired: {} },
        }),
      ],
    ]);
    expect(pairedItem(looped, { step: 'A', side: 'input', port: 'main', index: 0 }, 'B')).toBeUndefined();
  });
});

describe('the preview of $("Name").item', () => {
  // Expressions name nodes; steps and edges go by node id.
  const flow = (name: string): FlowNode => ({
    id: name.toLowerCase(),
    type: 'workflow',
    position: { x: 0, y: 0 },
    data: { spec: { name, type: 'core/set@1', params: {} } },
  });
  const nodes = ['Mentions', 'Filter', 'Reshape', 'Code', 'Reply'].map(flow);
  const edges: FlowEdge[] = [
    { id: 'e1', source: 'mentions', target: 'filter', sourceHandle: 'main' },
    { id: 'e2', source: 'filter', target: 'reshape', sourceHandle: 'kept' },
    { id: 'e3', source: 'reshape', target: 'code', sourceHandle: 'main' },
    { id: 'e4', source: 'code', target: 'reply', sourceHandle: 'main' },
  ];
  const execution: Execution = { id: 'x', workflowId: 'w', version: 1, status: 'succeeded', steps };

  it('shows the item the sample item was made from, as a run would give', () => {
    const { scope } = upstreamSample('reply', nodes, edges, { execution, pinned: undefined });
    if (!scope) throw new Error('no sample');
    expect(evaluateTemplate('{{ $("Mentions").item.json.author }}', scope)).toBe('ann');
    expect(evaluateTemplate('{{ $("Reshape").item.json.quote }}', scope)).toBe('love it');
    expect(evaluateTemplate('{{ $("Mentions").first().json.author }}', scope)).toBe('ann');
  });

  it('traces from the upstream output when the node itself has not run', () => {
    const partial = { ...execution, steps: steps.filter((s) => s.nodeId !== 'reply') };
    const { scope } = upstreamSample('reply', nodes, edges, { execution: partial, pinned: undefined });
    if (!scope) throw new Error('no sample');
    expect(evaluateTemplate('{{ $("Filter").item.json.text }}', scope)).toBe('love it');
  });

  it('says what to use instead where the run does not say which item', () => {
    const unsaid = steps.map((s) => (s.nodeId === 'code' ? { ...s, lineage: undefined } : s));
    const bare = { ...execution, steps: unsaid };
    const { scope } = upstreamSample('reply', nodes, edges, { execution: bare, pinned: undefined });
    if (!scope) throw new Error('no sample');
    expect(previewTemplate('{{ $("Mentions").item.json.author }}', scope)).toEqual({
      ok: false,
      message:
        '$("Mentions").item: that node emitted 3 items, and the run on screen does not say which one this item came from; use .first(), .last() or .all()',
    });
  });
});
