import { Hono } from 'hono';
import { z } from 'zod';
import { SbssError } from '../engine/index.js';
import { renderPdf } from '../reports/pdf-renderer.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';

const idParam = z.object({ id: z.string().min(1).max(200) });
const collection = 'reports';

/** Report pages hold user data: nothing in them may run or load anything. */
const reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Reports that `reporting/render@1` stored: listed, shown as HTML and printed to PDF. */
export function reportRoutes({ store }: ApiDeps) {
  const html = (workspaceId: string, id: string): string => {
    const report = store.data.get(workspaceId, collection, id);
    if (!report || typeof report.data.html !== 'string')
      throw new SbssError('NOT_FOUND', `Report ${id} was not found`);
    return report.data.html;
  };
  return new Hono<ApiEnv>()
    .get('/', (c) => {
      const records = store.data.query(c.get('workspaceId'), collection, {
        orderBy: 'createdAt',
        desc: true,
        limit: 500,
      });
      const items = records.map(({ key, data, createdAt }) => ({
        id: key,
        title: String(data.title ?? key),
        createdAt: typeof data.createdAt === 'string' ? data.createdAt : createdAt,
        period: data.period ?? null,
        summary: typeof data.summary === 'string' ? data.summary : '',
        workflowId: typeof data.workflowId === 'string' ? data.workflowId : null,
      }));
      return c.json({ items });
    })
    .get('/:id/html', validate('param', idParam), (c) => {
      const page = html(c.get('workspaceId'), c.req.valid('param').id);
      return c.html(page, 200, { 'content-security-policy': reportPolicy });
    })
    .get('/:id/pdf', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const pdf = await renderPdf(html(c.get('workspaceId'), id));
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${id.replace(/[^\w.-]/g, '_')}.pdf"`,
      });
    });
}
