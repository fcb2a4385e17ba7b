import { Hono } from 'hono';
import { z } from 'zod';
import {
  type NodeCatalog,
  SbssError,
  validateWorkflow,
  validateWorkflowChecked,
  type WorkflowInput,
} from '../engine/index.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';

const idParam = z.object({ id: z.string().min(1).max(100) });
const versionParam = idParam.extend({ version: z.coerce.number().int().min(1) });
const itemSchema = z.record(z.string(), z.json());
export const listenBody = z.object({
  /** The webhook trigger whose test URL, `/hooks-test/<path>`, is listened at. */
  nodeId: z.string().min(1),
  /** How long to wait for the call; n8n waits two minutes. */
  timeoutMs: z.number().int().min(1).max(120_000).default(120_000),
});
export const runBody = z.object({
  items: z.array(itemSchema).max(100_000).optional(),
  wait: z.boolean().default(true),
  /** Run only up to this node (and what it depends on). */
  stopAfter: z.string().optional(),
  /** The trigger node that receives `items`; defaults to the manual trigger. */
  startNodeId: z.string().optional(),
});

/** Problems that make a workflow unsavable; params are checked again when it runs. */
const deferredToRun = new Set(['PARAMS_INVALID', 'NO_TRIGGER']);

export function checkWorkflow(body: unknown, catalog: NodeCatalog): WorkflowInput {
  const { workflow, problems } = validateWorkflow(body, catalog);
  const blocking = problems.filter(
    (problem) => problem.severity === 'error' && !deferredToRun.has(problem.code),
  );
  const first = blocking[0];
  if (!workflow || first) {
    const where = first?.path.length ? ` (at ${first.path.join('.')})` : '';
    throw new SbssError('WORKFLOW_INVALID', `${first?.message ?? 'The workflow is invalid'}${where}`, {
      problems: blocking,
    });
  }
  return workflow;
}

export function workflowRoutes({ store, registry, executions, triggers, checks }: ApiDeps) {
  const found = <T>(value: T | undefined, id: string): T => {
    if (value === undefined) throw new SbssError('NOT_FOUND', `Workflow ${id} was not found`);
    return value;
  };

  return new Hono<ApiEnv>()
    .get('/', (c) => c.json({ items: store.workflows.list(c.get('workspaceId')) }))
    .post('/', validate('json', z.unknown()), async (c) => {
      const input = checkWorkflow(c.req.valid('json'), registry);
      const created = await store.workflows.create(c.get('workspaceId'), input);
      return c.json(created, 201);
    })
    .post('/validate', validate('json', z.unknown()), async (c) => {
      const { problems } = await validateWorkflowChecked(c.req.valid('json'), registry, checks);
      return c.json({ valid: !problems.some((problem) => problem.severity === 'error'), problems });
    })
    .get('/:id', validate('param', idParam), (c) => {
      const { id } = c.req.valid('param');
      return c.json(found(store.workflows.get(c.get('workspaceId'), id), id));
    })
    .put('/:id', validate('param', idParam), validate('json', z.unknown()), async (c) => {
      const { id } = c.req.valid('param');
      const workspaceId = c.get('workspaceId');
      const input = checkWorkflow(c.req.valid('json'), registry);
      const saved = await store.workflows.update(workspaceId, id, input);
      executions.forget(id);
      if (store.workflows.get(workspaceId, id)?.active) await triggers.activate(workspaceId, id);
      return c.json(saved);
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const workspaceId = c.get('workspaceId');
      found(store.workflows.get(workspaceId, id), id);
      await triggers.deactivate(workspaceId, id);
      await store.workflows.delete(workspaceId, id);
      executions.forget(id);
      return c.body(null, 204);
    })
    .get('/:id/versions', validate('param', idParam), (c) => {
      const { id } = c.req.valid('param');
      const workspaceId = c.get('workspaceId');
      found(store.workflows.get(workspaceId, id), id);
      return c.json({ items: store.workflows.listVersions(workspaceId, id) });
    })
    .get('/:id/versions/:version', validate('param', versionParam), (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(found(store.workflows.get(c.get('workspaceId'), id, version), `${id}@${version}`));
    })
    .post('/:id/activate', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await triggers.activate(c.get('workspaceId'), id));
    })
    .post('/:id/deactivate', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      await triggers.deactivate(c.get('workspaceId'), id);
      return c.json({ active: false });
    })
    .post('/:id/listen', validate('param', idParam), validate('json', listenBody), async (c) => {
      const { id } = c.req.valid('param');
      const { nodeId, timeoutMs } = c.req.valid('json');
      const signal = AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(timeoutMs)]);
      const executionId = await triggers.listenForTest(c.get('workspaceId'), id, nodeId, signal);
      return c.json({ executionId: executionId ?? null });
    })
    .post('/:id/run', validate('param', idParam), validate('json', runBody), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const started = await executions.start({
        workspaceId: c.get('workspaceId'),
        workflowId: id,
        mode: 'manual',
        trigger: { items: body.items ?? [{}], ...(body.startNodeId ? { nodeId: body.startNodeId } : {}) },
        ...(body.stopAfter ? { stopAfter: body.stopAfter } : {}),
      });
      if (!body.wait) {
        started.finished.catch(() => {});
        return c.json({ executionId: started.executionId, status: 'queued' as string }, 202);
      }
      const outcome = await started.finished;
      return c.json({
        executionId: outcome.executionId,
        status: outcome.status as string,
        ...(outcome.output ? { output: outcome.output } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      });
    });
}
