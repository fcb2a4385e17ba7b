import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves the built editor at `/`; any other path that is not API, hook or asset gets the
 * editor's index.html so client-side routes survive a reload.
 */
export function serveEditor(app: Hono, editorDir: string): void {
  const index = join(editorDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) => c.text('The editor is not built: run `pnpm build`.', 503));
    return;
  }
  app.use('/assets/*', serveStatic({ root: editorDir }));
  app.get('/favicon.svg', serveStatic({ root: editorDir }));
  app.get('*', (c, next) =>
    c.req.path.startsWith('/api/') || c.req.path.startsWith('/hooks/')
      ? next()
      : Promise.resolve(c.html(readFileSync(index, 'utf8'))),
  );
}
