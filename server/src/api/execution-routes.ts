import { Hono } from 'hono';
import { z } from 'zod';
import { SbssError } from '../engine/index.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';

export const executionListQuery = z.object({
  workflowId: z.string().optional(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
const idParam = z.object({ id: z.string().min(1).max(100) });

export function executionRoutes({ store, executions }: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/', validate('query', executionListQuery), (c) => {
      const query = c.req.valid('query');
      return c.json(store.executions.list(c.get('workspaceId'), query));
    })
    .get('/:id', validate('param', idParam), (c) => {
      const { id } = c.req.valid('param');
      const execution = store.executions.get(c.get('workspaceId'), id);
      if (!execution) throw new SbssError('NOT_FOUND', `Execution ${id} was not found`);
      return c.json(execution);
    })
    .post('/:id/cancel', validate('param', idParam), (c) => {
      const { id } = c.req.valid('param');
      if (!store.executions.get(c.get('workspaceId'), id)) {
        throw new SbssError('NOT_FOUND', `Execution ${id} was not found`);
      }
      return c.json({ cancelled: executions.cancel(id) });
    });
}
