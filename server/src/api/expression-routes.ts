import { Hono } from 'hono';
import { z } from 'zod';
import { SbssError } from '../engine/errors.js';
import type { ExpressionContext } from '../engine/ports.js';
import { extensionFunctions } from '../sandbox/extension-functions-source.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';

const item = z.record(z.string(), z.json());

/**
 * What the editor previews an expression against: the sample item, the upstream nodes' items
 * (`paired`: the index, in a node's items, of the item the sample was made from, for
 * `$("Name").item`), the workspace's variables and the workflow.
 */
export const previewBody = z.object({
  template: z.string().max(20_000),
  scope: z.object({
    json: item,
    nodes: z.record(z.string(), z.object({ items: z.array(item).max(1_000) })).default({}),
    paired: z.record(z.string(), z.number().int().min(-1)).default({}),
    vars: z.record(z.string(), z.json()).default({}),
    now: z.iso.datetime().optional(),
    workflow: z.object({ id: z.string(), name: z.string(), version: z.number().int() }).optional(),
  }),
});

/**
 * `GET /expressions/functions`: n8n's data transformation functions by the type they work on,
 * for the editor's completion. `POST /expressions/preview`: one template evaluated by the same
 * sandboxed evaluator runs use, for what the editor's own preview does not cover (arrow
 * functions, the helper library). An expression that fails is a preview's answer, not a
 * request's error.
 */
export function expressionRoutes({ expressions }: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/functions', (c) => c.json(extensionFunctions))
    .post('/preview', validate('json', previewBody), async (c) => {
      const { template, scope } = c.req.valid('json');
      const nodes: ExpressionContext['nodes'] = {};
      for (const [name, { items }] of Object.entries(scope.nodes))
        nodes[name] = { json: items[0] ?? {}, items };
      const context: ExpressionContext = {
        nodes,
        pairedIndexes: (key) => [scope.paired[key] ?? -1],
        execution: { id: 'preview', workflowId: scope.workflow?.id ?? '', mode: 'manual' },
        workflow: scope.workflow ?? { id: '', name: '', version: 0 },
        vars: scope.vars,
        now: scope.now ?? new Date().toISOString(),
      };
      let preview: { ok: true; value: unknown } | { ok: false; message: string };
      try {
        const [resolved] = await expressions.resolve({ value: template }, context, [scope.json]);
        preview = { ok: true, value: (resolved as { value: unknown }).value };
      } catch (error) {
        if (!(error instanceof SbssError && error.code === 'EXPRESSION_FAILED')) throw error;
        preview = { ok: false, message: error.message };
      }
      return c.json(preview);
    });
}
