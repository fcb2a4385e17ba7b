import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';

export const credentialBody = z.object({
  name: z.string().min(1).max(200),
  type: z.string().min(1).max(200),
  data: z.record(z.string(), z.string()),
});
const idParam = z.object({ id: z.string().min(1).max(200) });

/** Secrets go in and never come back out: responses carry names and types only. */
export function credentialRoutes({ store }: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/', (c) => c.json({ items: store.credentials.list(c.get('workspaceId')) }))
    .post('/', validate('json', credentialBody), async (c) => {
      const created = await store.credentials.create(c.get('workspaceId'), c.req.valid('json'));
      return c.json(created, 201);
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      await store.credentials.delete(c.get('workspaceId'), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
