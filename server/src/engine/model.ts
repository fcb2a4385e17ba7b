import { z } from 'zod';

export const nodeTypePattern = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*@[1-9][0-9]*$/;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-", at most 64');

export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).max(10).default(3),
  delayMs: z.number().int().min(0).max(3_600_000).default(1000),
  factor: z.number().min(1).max(10).default(2),
  maxDelayMs: z.number().int().min(0).max(3_600_000).default(60_000),
});

export const workflowNodeSchema = z.object({
  id,
  /** Display name; `$node["name"]` finds a node by name or id. */
  name: z.string().min(1).max(200).optional(),
  type: z.string().regex(nodeTypePattern, 'expected "<plugin>/<node>@<major>"'),
  params: z.record(z.string(), z.unknown()).default({}),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  disabled: z.boolean().optional(),
  notes: z.string().max(10_000).optional(),
  retry: retryPolicySchema.optional(),
  timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  /** stop: the execution fails; continue: items go on with an `error` field; errorPort: to port `error`. */
  onError: z.enum(['stop', 'continue', 'errorPort']).default('stop'),
});

export const edgeSchema = z.object({
  id: z.string().max(200).optional(),
  source: id,
  sourcePort: z.string().min(1).max(64).default('main'),
  target: id,
  targetPort: z.string().min(1).max(64).default('main'),
});

export const stickyNoteSchema = z.object({
  id,
  text: z.string().max(10_000),
  position: z.object({ x: z.number(), y: z.number() }),
  size: z.object({ width: z.number().positive(), height: z.number().positive() }).optional(),
  color: z.string().max(32).optional(),
});

export const workflowSettingsSchema = z.object({
  /** A workflow run with the failed execution's summary when this one fails. */
  errorWorkflowId: z.string().optional(),
  /** Most executions of this workflow running at once; the rest wait in the queue. */
  concurrency: z.number().int().min(1).max(1000).optional(),
  timezone: z.string().max(64).optional(),
});

/** What a client sends to create or update a workflow. */
export const workflowInputSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
  nodes: z.array(workflowNodeSchema).max(5000),
  edges: z.array(edgeSchema).max(20_000).default([]),
  stickyNotes: z.array(stickyNoteSchema).max(1000).default([]),
  settings: workflowSettingsSchema.default({}),
});

export const workflowSchema = workflowInputSchema.extend({
  id: z.string(),
  version: z.number().int().min(1),
});

export type RetryPolicy = z.output<typeof retryPolicySchema>;
export type WorkflowNode = z.output<typeof workflowNodeSchema>;
export type Edge = z.output<typeof edgeSchema>;
export type WorkflowSettings = z.output<typeof workflowSettingsSchema>;
export type WorkflowInput = z.output<typeof workflowInputSchema>;
export type Workflow = z.output<typeof workflowSchema>;
