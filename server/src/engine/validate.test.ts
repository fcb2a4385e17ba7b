import { defineNode, z } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { definitionCatalog, manualTrigger } from './in-process-invoker.test-support.js';
import { hasErrors } from './problem.js';
import { validateWorkflow } from './validate.js';

const mention = z.object({ text: z.string(), followers: z.number().int(), author: z.string().optional() });

const catalog = definitionCatalog('test', [
  manualTrigger,
  defineNode({
    id: 'source',
    title: 'Typed source',
    category: 'listening',
    params: z.object({}),
    outputs: { main: { schema: mention } },
    run: () => [],
  }),
  defineNode({
    id: 'sink',
    title: 'Typed sink',
    category: 'scoring',
    params: z.object({}),
    inputs: { main: { schema: z.object({ text: z.string(), followers: z.number() }) } },
    run: () => [],
  }),
  defineNode({
    id: 'needs-handle',
    title: 'Needs handle',
    category: 'crm',
    params: z.object({}),
    inputs: { main: { schema: z.object({ handle: z.string(), lang: z.string().default('en') }) } },
    run: () => [],
  }),
  defineNode({
    id: 'wants-text-number',
    title: 'Wants numeric text',
    category: 'scoring',
    params: z.object({}),
    inputs: { main: { schema: z.object({ text: z.number() }) } },
    run: () => [],
  }),
  defineNode({
    id: 'score',
    title: 'Score',
    category: 'scoring',
    params: z.object({
      threshold: z.number().min(0).max(1),
      rules: z.array(z.object({ field: z.string(), weight: z.number() })).default([]),
    }),
    outputs: { high: {}, low: {} },
    run: () => ({ high: [], low: [] }),
  }),
]);

const node = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: `test/${type}@1`,
  ...extra,
});
const edge = (source: string, target: string, sourcePort = 'main', targetPort = 'main') => ({
  source,
  target,
  sourcePort,
  targetPort,
});
const workflow = (nodes: unknown[], edges: unknown[] = []) => ({ name: 'Check', nodes, edges });
const validate = (input: unknown) => validateWorkflow(input, catalog);

describe('validateWorkflow', () => {
  it('accepts a well-formed workflow and returns it parsed', () => {
    const result = validate(
      workflow(
        [node('start', 'manual'), node('src', 'source'), node('s', 'sink')],
        [edge('start', 'src'), edge('src', 's')],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.workflow?.nodes[1]?.onError).toBe('stop');
  });

  it('reports schema problems with the zod path and the node id', () => {
    const result = validate(
      workflow([node('start', 'manual'), node('a', 'source'), { id: 'bad', type: 'Not A Type' }]),
    );
    expect(result.workflow).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'SCHEMA',
        severity: 'error',
        nodeId: 'bad',
        path: ['nodes', 2, 'type'],
      }),
    ]);
  });

  it('reports schema problems in edges with their index', () => {
    const result = validate(workflow([node('start', 'manual')], [{ source: 'start' }]));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'SCHEMA', edgeIndex: 0, path: ['edges', 0, 'target'] }),
    ]);
  });

  it('reports node types nothing installed provides', () => {
    const result = validate(workflow([node('start', 'manual'), node('x', 'missing')]));
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_NODE_TYPE',
        severity: 'error',
        nodeId: 'x',
        path: ['nodes', 1, 'type'],
      }),
    ]);
  });

  it('reports invalid params under the node path', () => {
    const params = { threshold: 2, rules: [{ field: 'likes', weight: 'heavy' }] };
    const result = validate(workflow([node('start', 'manual'), node('s', 'score', { params })]));
    expect(result.problems.map((problem) => [problem.code, problem.nodeId, problem.path])).toEqual([
      ['PARAMS_INVALID', 's', ['nodes', 1, 'params', 'threshold']],
      ['PARAMS_INVALID', 's', ['nodes', 1, 'params', 'rules', 0, 'weight']],
    ]);
  });

  it('does not check params that hold expressions, only the rest', () => {
    const params = {
      threshold: '{{ $vars.threshold }}',
      rules: [{ field: 'likes', weight: '{{ $json.w }}' }, 'oops'],
    };
    const result = validate(workflow([node('start', 'manual'), node('s', 'score', { params })]));
    expect(result.problems.map((problem) => problem.path)).toEqual([['nodes', 1, 'params', 'rules', 1]]);
  });

  it('reports missing required params', () => {
    const result = validate(workflow([node('start', 'manual'), node('s', 'score')]));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'PARAMS_INVALID', path: ['nodes', 1, 'params', 'threshold'] }),
    ]);
  });

  it('only warns about disabled nodes, which do not run', () => {
    const result = validate(
      workflow([
        node('start', 'manual'),
        node('s', 'score', { disabled: true }),
        node('x', 'gone', { disabled: true }),
      ]),
    );
    expect(result.problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['PARAMS_INVALID', 'warning'],
      ['UNKNOWN_NODE_TYPE', 'warning'],
    ]);
    expect(hasErrors(result.problems)).toBe(false);
  });

  it('reports duplicate node ids', () => {
    const result = validate(workflow([node('start', 'manual'), node('a', 'source'), node('a', 'sink')]));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_NODE_ID', nodeId: 'a', path: ['nodes', 2, 'id'] }),
    ]);
  });

  it('reports edges whose ends are not nodes', () => {
    const result = validate(
      workflow([node('start', 'manual')], [edge('start', 'ghost'), edge('phantom', 'start')]),
    );
    expect(result.problems.map((problem) => [problem.code, problem.edgeIndex, problem.path])).toEqual([
      ['DANGLING_EDGE', 0, ['edges', 0, 'target']],
      ['DANGLING_EDGE', 1, ['edges', 1, 'source']],
    ]);
  });

  it('reports ports the node types do not declare, and inputs into triggers', () => {
    const result = validate(
      workflow(
        [node('start', 'manual'), node('s', 'score', { params: { threshold: 0.5 } }), node('src', 'source')],
        [edge('s', 'src', 'medium'), edge('s', 'src', 'high', 'side'), edge('src', 'start')],
      ),
    );
    expect(result.problems.map((problem) => [problem.code, problem.nodeId, problem.path])).toEqual([
      ['UNKNOWN_PORT', 's', ['edges', 0, 'sourcePort']],
      ['UNKNOWN_PORT', 'src', ['edges', 1, 'targetPort']],
      ['UNKNOWN_PORT', 'start', ['edges', 2, 'targetPort']],
    ]);
  });

  it('gives nodes with onError errorPort an error output', () => {
    const nodes = [node('start', 'manual'), node('src', 'source'), node('s', 'sink')];
    const edges = [edge('start', 'src'), edge('src', 's', 'error')];
    expect(validate(workflow(nodes, edges)).problems.map((problem) => problem.code)).toEqual([
      'UNKNOWN_PORT',
    ]);
    nodes[1] = node('src', 'source', { onError: 'errorPort' });
    expect(validate(workflow(nodes, edges)).problems).toEqual([]);
  });

  it('reports one cycle, listing its nodes', () => {
    const result = validate(
      workflow(
        [node('start', 'manual'), node('a', 'source'), node('b', 'source'), node('c', 'source')],
        [edge('start', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a')],
      ),
    );
    const cycles = result.problems.filter((problem) => problem.code === 'CYCLE');
    expect(cycles).toHaveLength(1);
    expect([...(cycles[0]?.nodeIds ?? [])].sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports a property the target port requires that the source port does not declare', () => {
    const result = validate(
      workflow(
        [node('start', 'manual'), node('src', 'source'), node('n', 'needs-handle')],
        [edge('start', 'src'), edge('src', 'n')],
      ),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'PORT_MISMATCH',
        severity: 'error',
        edgeIndex: 1,
        nodeId: 'n',
        path: ['edges', 1],
      }),
    ]);
    expect(result.problems[0]?.message).toContain('"handle"');
  });

  it('reports a property declared with a different JSON type', () => {
    const result = validate(
      workflow(
        [node('start', 'manual'), node('src', 'source'), node('w', 'wants-text-number')],
        [edge('start', 'src'), edge('src', 'w')],
      ),
    );
    expect(result.problems.map((problem) => problem.code)).toEqual(['PORT_MISMATCH']);
    expect(result.problems[0]?.message).toContain('string');
  });

  it('accepts any source without a schema feeding a typed target', () => {
    const result = validate(
      workflow([node('start', 'manual'), node('n', 'needs-handle')], [edge('start', 'n')]),
    );
    expect(result.problems).toEqual([]);
  });

  it('warns when no enabled trigger can start the workflow', () => {
    const result = validate(workflow([node('start', 'manual', { disabled: true }), node('src', 'source')]));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'NO_TRIGGER', severity: 'warning', path: ['nodes'] }),
    ]);
  });
});
