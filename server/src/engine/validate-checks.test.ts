import { checkParams, defineNode, z } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { definitionCatalog, manualTrigger } from './in-process-invoker.test-support.js';
import type { ParamsChecker, WorkflowChecks } from './ports.js';
import { validateWorkflowChecked } from './validate.js';

const catalog = definitionCatalog('test', [
  manualTrigger,
  defineNode({
    id: 'filter',
    title: 'Filter',
    category: 'listening',
    params: z.object({ pattern: z.string(), limit: z.number().default(10) }),
    check: ({ pattern }) => {
      if (pattern === 'TODO')
        return [{ path: ['pattern'], message: 'Still a placeholder', severity: 'warning' }];
      const column = pattern.indexOf('(') + 1;
      return column > 0 && !pattern.includes(')')
        ? [{ path: ['pattern'], message: `Unclosed group at column ${column}`, details: { column } }]
        : [];
    },
    run: () => [],
  }),
]);

const checker: ParamsChecker = async (type, params) => {
  const definition = catalog.definitions.get(type);
  if (type === 'test/filter@1' && params.pattern === 'boom') throw new Error('the checker is down');
  return definition ? checkParams(definition, params) : [];
};

const checks: WorkflowChecks = { params: checker, expressions: () => [] };

const workflow = (filterParams: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'checked',
  nodes: [
    { id: 'start', type: 'test/manual@1', params: {} },
    { id: 'filter', type: 'test/filter@1', params: filterParams, ...extra },
  ],
  edges: [{ source: 'start', target: 'filter', sourcePort: 'main', targetPort: 'main' }],
});

describe('validateWorkflowChecked', () => {
  it("adds what a node's own check finds, at the param, with its details", async () => {
    const { problems } = await validateWorkflowChecked(workflow({ pattern: 'a(b' }), catalog, checks);
    expect(problems).toEqual([
      {
        code: 'PARAMS_INVALID',
        severity: 'error',
        message: 'Unclosed group at column 2',
        nodeId: 'filter',
        path: ['nodes', 1, 'params', 'pattern'],
        details: { column: 2 },
      },
    ]);
  });

  it('reports a warning a check gives as a warning, which leaves the workflow valid', async () => {
    const { problems } = await validateWorkflowChecked(workflow({ pattern: 'TODO' }), catalog, checks);
    expect(problems).toEqual([
      {
        code: 'PARAMS_WARNING',
        severity: 'warning',
        message: 'Still a placeholder',
        nodeId: 'filter',
        path: ['nodes', 1, 'params', 'pattern'],
      },
    ]);
  });

  it('finds nothing in params that pass, and a warning on a disabled node', async () => {
    expect((await validateWorkflowChecked(workflow({ pattern: '(a)' }), catalog, checks)).problems).toEqual(
      [],
    );
    const disabled = await validateWorkflowChecked(
      workflow({ pattern: 'a(' }, { disabled: true }),
      catalog,
      checks,
    );
    expect(disabled.problems.map((problem) => problem.severity)).toEqual(['warning']);
  });

  it('leaves an expression to the run', async () => {
    const { problems } = await validateWorkflowChecked(
      workflow({ pattern: '{{ $vars.p }}(' }),
      catalog,
      checks,
    );
    expect(problems).toEqual([]);
  });

  it('checks nothing the schema already rejected', async () => {
    const { problems } = await validateWorkflowChecked(
      workflow({ pattern: 'a(', limit: 'ten' }),
      catalog,
      checks,
    );
    expect(problems.map((problem) => [problem.code, problem.path.join('.')])).toEqual([
      ['PARAMS_INVALID', 'nodes.1.params.limit'],
    ]);
  });

  it('reports syntax errors in expressions at their param, schema problems or not', async () => {
    const expressions = (params: Record<string, unknown>) =>
      typeof params.pattern === 'string' && params.pattern.includes('{{ +')
        ? [{ path: ['pattern'], message: 'Expression has a syntax error', details: { column: 4 } }]
        : [];
    const { problems } = await validateWorkflowChecked(
      workflow({ pattern: '{{ + }}', limit: 'ten' }, { disabled: true }),
      catalog,
      { params: checker, expressions },
    );
    expect(problems.map((problem) => [problem.code, problem.severity, problem.path.join('.')])).toEqual([
      ['PARAMS_INVALID', 'warning', 'nodes.1.params.limit'],
      ['EXPRESSION_INVALID', 'warning', 'nodes.1.params.pattern'],
    ]);
    expect(problems[1]?.details).toEqual({ column: 4 });
  });

  it('warns when checking the expressions fails', async () => {
    const expressions = (params: Record<string, unknown>) => {
      if (params.pattern === undefined) return [];
      throw new RangeError('Maximum call stack size exceeded');
    };
    const { problems } = await validateWorkflowChecked(workflow({ pattern: '{{ ((1)) }}' }), catalog, {
      params: checker,
      expressions,
    });
    expect(problems).toEqual([
      {
        code: 'PARAMS_UNCHECKED',
        severity: 'warning',
        message: 'The expressions of this node could not be checked: Maximum call stack size exceeded',
        nodeId: 'filter',
        path: ['nodes', 1, 'params'],
      },
    ]);
  });

  it('warns when the check itself fails', async () => {
    const { problems } = await validateWorkflowChecked(workflow({ pattern: 'boom' }), catalog, checks);
    expect(problems).toEqual([
      {
        code: 'PARAMS_UNCHECKED',
        severity: 'warning',
        message: 'The params of this node could not be checked: the checker is down',
        nodeId: 'filter',
        path: ['nodes', 1, 'params'],
      },
    ]);
  });
});
