import { Hono } from 'hono';
import { z } from 'zod';
import { SbssError } from '../engine/index.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';

const name = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "_" and "-"');
const collectionParam = z.object({ name });
const recordParam = z.object({ name, key: z.string().min(1).max(500) });
const jsonObject = z.record(z.string(), z.json());

/**
 * A record's ETag is its `updatedAt`, which every write moves on: a PUT with `If-Match` replaces
 * the record only if nobody wrote it since it was read, and answers 409 CONFLICT otherwise.
 */
const ifMatchHeader = z.object({ 'if-match': z.string().max(100).optional() });
const etagOf = (updatedAt: string) => `"${updatedAt}"`;

/** `where` travels as a JSON object in one query parameter: `?where={"status":"open"}`. */
const whereParam = z
  .string()
  .max(4000)
  .transform((text, ctx) => {
    try {
      return jsonObject.parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'where must be a JSON object of field values' });
      return z.NEVER;
    }
  });

export const recordListQuery = z.object({
  where: whereParam.optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  orderBy: z.string().max(100).optional(),
  desc: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const aggregateQuery = z.object({
  groupBy: z.string().max(100).optional(),
  bucket: z.enum(['hour', 'day', 'week']).optional(),
  where: whereParam.optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Workspace data collections (mentions, contacts, cases, reports, ...) that nodes write through
 * `ctx.data`; the editor's Inbox and Reports pages read and edit them here.
 */
export function collectionRoutes({ store }: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/:name/records', validate('param', collectionParam), validate('query', recordListQuery), (c) => {
      const query = c.req.valid('query');
      const items = store.data.query(c.get('workspaceId'), c.req.valid('param').name, {
        limit: query.limit,
        ...(query.where ? { where: query.where } : {}),
        ...(query.since ? { since: query.since } : {}),
        ...(query.until ? { until: query.until } : {}),
        ...(query.orderBy ? { orderBy: query.orderBy } : {}),
        ...(query.desc ? { desc: query.desc === 'true' } : {}),
      });
      return c.json({ items });
    })
    .get('/:name/records/:key', validate('param', recordParam), (c) => {
      const { name: collection, key } = c.req.valid('param');
      const record = store.data.get(c.get('workspaceId'), collection, key);
      if (!record) throw new SbssError('NOT_FOUND', `No record ${key} in ${collection}`);
      c.header('ETag', etagOf(record.updatedAt));
      return c.json(record);
    })
    .put(
      '/:name/records/:key',
      validate('param', recordParam),
      validate('header', ifMatchHeader),
      validate('json', jsonObject),
      async (c) => {
        const { name: collection, key } = c.req.valid('param');
        const ifMatch = c.req.valid('header')['if-match'];
        const record = await store.data.upsert(
          c.get('workspaceId'),
          collection,
          key,
          c.req.valid('json'),
          ifMatch === undefined ? undefined : ifMatch.replace(/^(?:W\/)?"(.*)"$/, '$1'),
        );
        c.header('ETag', etagOf(record.updatedAt));
        return c.json(record);
      },
    )
    .get('/:name/aggregate', validate('param', collectionParam), validate('query', aggregateQuery), (c) => {
      const query = c.req.valid('query');
      const rows = store.data.aggregate(c.get('workspaceId'), c.req.valid('param').name, {
        ...(query.groupBy ? { groupBy: query.groupBy } : {}),
        ...(query.bucket ? { bucket: query.bucket } : {}),
        ...(query.where ? { where: query.where } : {}),
        ...(query.since ? { since: query.since } : {}),
        ...(query.until ? { until: query.until } : {}),
      });
      return c.json({ rows });
    });
}
