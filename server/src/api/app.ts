import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SbssError } from '../engine/index.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { collectionRoutes } from './collection-routes.js';
import { credentialRoutes } from './credential-routes.js';
import { handleError } from './error-handler.js';
import { executionRoutes } from './execution-routes.js';
import { expressionRoutes } from './expression-routes.js';
import { hookRoutes, testHookRoutes } from './hook-routes.js';
import { nodeTypeRoutes } from './node-type-routes.js';
import { openApiDocument } from './openapi.js';
import { reportRoutes } from './report-routes.js';
import { templateRoutes } from './template-routes.js';
import { refuseDeepBody } from './validate.js';
import { variableRoutes } from './variable-routes.js';
import { workflowRoutes } from './workflow-routes.js';

export const maxBodyBytes = 16 * 1024 * 1024;

const workspacePattern = /^[A-Za-z0-9_-]{1,64}$/;

function limitDepth(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('content-type')?.includes('json')) refuseDeepBody(await c.req.text());
    await next();
  };
}

function limitBody() {
  return bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new SbssError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBodyBytes} bytes`);
    },
  });
}

/** The versioned JSON API; its type is what the editor's client is built from. */
export function createApi(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .use('*', limitBody())
    .use('*', limitDepth())
    .use('*', async (c, next) => {
      const workspaceId = c.req.header('x-sbss-workspace') ?? 'default';
      if (!workspacePattern.test(workspaceId))
        throw new SbssError('BAD_REQUEST', 'Invalid x-sbss-workspace header');
      // Every table names its workspace: a write to one that does not exist would fail inside.
      if (!deps.store.workspaces.get(workspaceId))
        throw new SbssError('NOT_FOUND', `No workspace ${workspaceId}`);
      c.set('workspaceId', workspaceId);
      await next();
    })
    .route('/node-types', nodeTypeRoutes(deps))
    .route('/workflows', workflowRoutes(deps))
    .route('/executions', executionRoutes(deps))
    .route('/credentials', credentialRoutes(deps))
    .route('/collections', collectionRoutes(deps))
    .route('/reports', reportRoutes(deps))
    .route('/templates', templateRoutes(deps))
    .route('/variables', variableRoutes(deps))
    .route('/expressions', expressionRoutes(deps))
    .get('/openapi.json', (c) => c.json(openApiDocument()));
}

export type ApiApp = ReturnType<typeof createApi>;

/** The whole HTTP surface: API, webhooks, health and metrics. Static editor files are added by the server. */
export function createApp(deps: ApiDeps) {
  const app = new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' as const }))
    .get('/metrics', (c) =>
      c.text(deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
    )
    .route('/api/v1', createApi(deps));
  app.use('/hooks/*', limitBody());
  app.route('/hooks', hookRoutes(deps));
  app.use('/hooks-test/*', limitBody());
  app.route('/hooks-test', testHookRoutes(deps));
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError(handleError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
