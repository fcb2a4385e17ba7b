import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The webhook benchmark's baseline: a bare Hono route on the same Node server adapter,
 * computing and returning the same JSON as the two-node workflow, storing nothing.
 */
const app = new Hono().post('/hooks/hello', async (c) => {
  const body = (await c.req.json()) as { followers: number; text: string };
  return c.json({ score: body.followers > 1000 ? 1 : 0, text: body.text });
});
app.get('/healthz', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
