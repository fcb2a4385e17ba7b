import { Hono } from 'hono';
import { z } from 'zod';
import { SbssError } from '../engine/index.js';
import { exportTemplate, installTemplate, readBundledTemplates } from '../templates/index.js';
import type { ApiDeps, ApiEnv } from './api-env.js';
import { validate } from './validate.js';
import { checkWorkflow } from './workflow-routes.js';

export const installBody = z
  .object({
    /** A template file's content; or `name`, a bundled template's folder name. */
    template: z.record(z.string(), z.json()).optional(),
    name: z.string().min(1).max(200).optional(),
    params: z.record(z.string(), z.json()).default({}),
    /** Name of the created workflow; the template's workflow name by default. */
    workflowName: z.string().min(1).max(200).optional(),
  })
  .refine((body) => (body.template === undefined) !== (body.name === undefined), {
    message: 'Give either template or name',
  });

export const exportBody = z.object({
  /** `<nodeId>.<param path>` → parameter name. */
  parameters: z.record(z.string(), z.string()).default({}),
  description: z.string().max(10_000).optional(),
});

/** Templates: the bundled library, install into the workspace, and export of a workflow. */
export function templateRoutes({ store, registry }: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/', (c) =>
      c.json({
        items: readBundledTemplates().map(({ id, template }) => ({ id, ...template.template })),
      }),
    )
    .post('/install', validate('json', installBody), async (c) => {
      const body = c.req.valid('json');
      const source = body.template ?? bundled(body.name ?? '');
      const input = installTemplate(
        source,
        body.params,
        body.workflowName ? { name: body.workflowName } : {},
      );
      const created = await store.workflows.create(c.get('workspaceId'), checkWorkflow(input, registry));
      return c.json({ id: created.id, version: created.version }, 201);
    })
    .post(
      '/export/:id',
      validate('param', z.object({ id: z.string().min(1).max(100) })),
      validate('json', exportBody),
      (c) => {
        const { id } = c.req.valid('param');
        const workflow = store.workflows.get(c.get('workspaceId'), id);
        if (!workflow) throw new SbssError('NOT_FOUND', `Workflow ${id} was not found`);
        const body = c.req.valid('json');
        const credentialTypes = new Map(
          registry.describe().map((entry) => [entry.type, entry.credentials[0]]),
        );
        return c.json(
          exportTemplate(workflow, body.parameters, {
            credentialType: (type) => credentialTypes.get(type),
            ...(body.description ? { description: body.description } : {}),
          }),
        );
      },
    );
}

function bundled(name: string): unknown {
  const found = readBundledTemplates().find(
    (entry) => entry.id === name || entry.template.template.name === name,
  );
  if (!found) throw new SbssError('NOT_FOUND', `No bundled template named ${name}`);
  return found.template;
}
