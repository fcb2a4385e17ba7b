import { Hono } from 'hono';
import { z } from 'zod';
import { SbssError } from '../engine/errors.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';

/** A key is read as `$vars.<key>`, so it must be a JavaScript identifier. */
export const variableKey = z.object({
  key: z
    .string()
    .regex(/^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/, 'A letter, _ or $, then letters, digits, _ or $; at most 64'),
});
export const variableBody = z.object({
  value: z
    .json()
    .refine(
      (value) => value !== null && JSON.stringify(value).length <= 10_000,
      'Any JSON but null, up to 10,000 characters',
    ),
});

/** Workspace variables: `$vars` of every execution in the workspace, read when one first names them. */
export function variableRoutes({ store }: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/', (c) => c.json({ items: store.variables.list(c.get('workspaceId')) }))
    .put('/:key', validate('param', variableKey), validate('json', variableBody), async (c) => {
      const { key } = c.req.valid('param');
      const saved = await store.variables.set(c.get('workspaceId'), key, c.req.valid('json').value);
      return c.json(saved);
    })
    .delete('/:key', validate('param', variableKey), async (c) => {
      const { key } = c.req.valid('param');
      if (!(await store.variables.delete(c.get('workspaceId'), key)))
        throw new SbssError('NOT_FOUND', `No variable ${key}`);
      return c.body(null, 204);
    });
}
