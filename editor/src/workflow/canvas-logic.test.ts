import { describe, expect, it } from 'vitest';
import type { NodeTypeInfo, WorkflowInput } from '../api/contract';
import { createCanvasStore } from '../canvas/canvas-store';
import { selectionToDocument } from './clipboard';
import { judgeConnection } from './connection-rules';
import { toDocument, toFlow } from './flow-graph';
import { parseGraph } from './graph-shape';
import { groupByCategory, matchesSearch, toCatalog } from './node-catalog';
import { comparePorts } from './port-compat';

const mention = {
  type: 'object',
  properties: { text: { type: 'string' }, followers: { type: 'number' } },
  required: ['text'],
};

const types: NodeTypeInfo[] = [
  {
    type: 'core/webhook@1',
    title: { en: 'Webhook', 'zh-Hans': '网络钩子' },
    category: 'trigger',
    trigger: 'webhook',
    inputs: {},
    outputs: { main: {} },
    params: { type: 'object' },
  },
  {
    type: 'core/if@1',
    title: { en: 'If', 'zh-Hans': '条件' },
    category: 'flow',
    inputs: { main: {} },
    outputs: { true: {}, false: {} },
    params: { type: 'object' },
  },
  {
    type: 'scoring/sentiment@1',
    title: { en: 'Sentiment', 'zh-Hans': '情感分析', 'zh-Hant': '情感分析' },
    category: 'scoring',
    inputs: { main: { schema: mention } },
    outputs: { main: { schema: mention } },
    params: { type: 'object' },
  },
  {
    type: 'data/count@1',
    title: 'Count',
    category: 'data',
    inputs: { main: { schema: { type: 'object', properties: { text: { type: 'number' } } } } },
    outputs: { main: {} },
    params: { type: 'object' },
  },
];
const catalog = toCatalog(types);

const doc: Pick<WorkflowInput, 'nodes' | 'edges' | 'stickyNotes'> = {
  nodes: [
    { id: 'a', name: 'Webhook', type: 'core/webhook@1', params: {}, position: { x: 0, y: 0 } },
    {
      id: 'b',
      name: 'If',
      type: 'core/if@1',
      params: { condition: '{{ $json.ok }}' },
      position: { x: 200, y: 0 },
    },
    { id: 'c', name: 'Sentiment', type: 'scoring/sentiment@1', params: {}, position: { x: 400, y: 0 } },
    { id: 'd', name: 'Count', type: 'data/count@1', params: {}, position: { x: 600, y: 0 } },
  ],
  edges: [
    { source: 'a', sourcePort: 'main', target: 'b', targetPort: 'main' },
    { source: 'b', sourcePort: 'true', target: 'c', targetPort: 'main' },
  ],
  stickyNotes: [{ id: 's', text: 'Note', position: { x: 0, y: 200 }, size: { width: 240, height: 140 } }],
};

describe('palette search', () => {
  it('matches Chinese and English titles alike', () => {
    const [sentiment] = types.filter((t) => t.type.startsWith('scoring'));
    expect(sentiment && matchesSearch(sentiment, '情感')).toBe(true);
    expect(sentiment && matchesSearch(sentiment, 'SENTI')).toBe(true);
    expect(groupByCategory(types, '', 'en').map((g) => g.category)).toEqual([
      'trigger',
      'scoring',
      'flow',
      'data',
    ]);
  });
});

describe('workflow ↔ canvas', () => {
  it('round-trips nodes, ports, and sticky notes', () => {
    const flow = toFlow(doc);
    expect(toDocument(flow.nodes, flow.edges)).toEqual(doc);
  });
});

describe('connections', () => {
  const { nodes, edges } = toFlow(doc);
  const judge = (source: string, sourceHandle: string, target: string) =>
    judgeConnection({ source, sourceHandle, target, targetHandle: 'main' }, nodes, edges, catalog);

  it('refuses loops, inputs into triggers and duplicates', () => {
    expect(judge('c', 'main', 'b')).toMatchObject({ verdict: 'impossible', reason: 'cycle' });
    expect(judge('b', 'false', 'a')).toMatchObject({ verdict: 'impossible' });
    expect(judge('a', 'main', 'b')).toMatchObject({ verdict: 'impossible', reason: 'duplicate' });
    expect(judge('c', 'main', 'c')).toMatchObject({ verdict: 'impossible', reason: 'selfLoop' });
  });

  it('refuses items whose fields can never fit and marks doubtful ones', () => {
    expect(judge('c', 'main', 'd')).toMatchObject({
      verdict: 'impossible',
      reason: 'typeMismatch',
      field: 'text',
    });
    expect(judge('b', 'false', 'c')).toEqual({ verdict: 'ok' });
    expect(
      comparePorts({ type: 'object', properties: { other: { type: 'string' } } }, mention),
    ).toMatchObject({
      verdict: 'doubtful',
      field: 'text',
    });
    expect(
      comparePorts({ type: 'object', properties: {}, additionalProperties: false }, mention),
    ).toMatchObject({
      verdict: 'impossible',
    });
  });
});

describe('canvas store', () => {
  it('undoes and redoes edits, one step per edit', () => {
    const store = createCanvasStore(doc);
    store.addNode({ type: 'core/if@1', name: 'If 2', params: {} }, { x: 0, y: 0 });
    store.updateSpec('b', { name: 'Is urgent' });
    expect(store.getState().nodes).toHaveLength(6);
    store.undo();
    expect(
      toDocument(store.getState().nodes, store.getState().edges).nodes.find((n) => n.id === 'b')?.name,
    ).toBe('If');
    store.undo();
    expect(store.getState().nodes).toHaveLength(5);
    expect(store.getState().canUndo).toBe(false);
    store.redo();
    store.redo();
    expect(store.getState().nodes).toHaveLength(6);
    expect(store.getState().canRedo).toBe(false);
  });

  it('coalesces typing into one field into one undo step', () => {
    const store = createCanvasStore(doc);
    for (const name of ['I', 'Is', 'Is u']) store.updateSpec('b', { name }, 'name');
    store.undo();
    expect(
      toDocument(store.getState().nodes, store.getState().edges).nodes.find((n) => n.id === 'b')?.name,
    ).toBe('If');
  });

  it('copies a selection as workflow JSON and pastes it with fresh ids', () => {
    const store = createCanvasStore(doc);
    store.select(['a', 'b']);
    const copied = selectionToDocument(store.getState().nodes, store.getState().edges);
    expect(copied.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(copied.edges).toHaveLength(1);
    const parsed = parseGraph(JSON.stringify(copied));
    expect(parsed).toBeDefined();
    store.paste(parsed ?? copied, { x: 1000, y: 1000 });
    const after = toDocument(store.getState().nodes, store.getState().edges);
    expect(after.nodes).toHaveLength(6);
    const pasted = after.nodes.slice(4);
    expect(pasted.map((n) => n.name)).toEqual(['Webhook 2', 'If 2']);
    expect(pasted[0]?.position).toEqual({ x: 1000, y: 1000 });
    expect(after.edges).toHaveLength(3);
    expect(after.edges[2]).toMatchObject({ source: pasted[0]?.id, target: pasted[1]?.id });
    store.undo();
    expect(store.getState().nodes).toHaveLength(5);
  });

  it('deletes the selection with its edges, and disables nodes', () => {
    const store = createCanvasStore(doc);
    store.select(['b']);
    store.toggleDisabled();
    expect(toDocument(store.getState().nodes, []).nodes.find((n) => n.id === 'b')?.disabled).toBe(true);
    store.removeSelected();
    expect(store.getState().edges).toHaveLength(0);
    expect(store.getState().dirty).toBe(true);
  });

  it('lays nodes out left to right along the edges', () => {
    const store = createCanvasStore({
      ...doc,
      nodes: doc.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })),
    });
    store.layout();
    const x = (id: string) => store.getState().nodes.find((n) => n.id === id)?.position.x ?? 0;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
  });
});

describe('parseGraph', () => {
  it('reads workflow JSON and ignores text that is not', () => {
    expect(parseGraph('hello')).toBeUndefined();
    expect(parseGraph('{"nodes": 3}')).toBeUndefined();
    expect(
      parseGraph('{"nodes":[{"id":"x","type":"core/if@1"}],"edges":[{"source":"x","target":"y"}]}'),
    ).toMatchObject({
      nodes: [{ id: 'x', params: {}, position: { x: 0, y: 0 } }],
      edges: [{ sourcePort: 'main', targetPort: 'main' }],
    });
  });
});
