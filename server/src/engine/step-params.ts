import type { PortItems } from '@sbss/sdk';
import type { z } from 'zod';
import { SbssError } from './errors.js';
import type { WorkflowNode } from './model.js';
import type { ExpressionContext, ExpressionEvaluator } from './ports.js';
import { jsonPath } from './problem.js';

export interface ResolvedParams {
  /** Resolved against the first item of the batch (or no item). */
  params: unknown;
  /** Resolved per item, by input port, in item order. */
  itemParams: Record<string, unknown[]>;
}

export interface ParamsSource {
  node: WorkflowNode;
  schema: z.ZodType;
  input: PortItems;
  expressions: ExpressionEvaluator;
  /** Built only when the params hold expressions. */
  context: () => ExpressionContext;
}

/** Resolves expressions in a node's params and parses the results with its schema. */
export async function resolveParams(source: ParamsSource): Promise<ResolvedParams> {
  const { node, schema, input, expressions } = source;
  if (!expressions.hasExpressions(node.params)) {
    // Without expressions every item sees the same params: parse once, share the result.
    const params = parseParams(schema, node.params, node.id);
    const itemParams: Record<string, unknown[]> = {};
    for (const port in input) itemParams[port] = new Array((input[port] as unknown[]).length).fill(params);
    return { params, itemParams };
  }
  const context = source.context();
  // The evaluator may hand several items one params object: each is parsed once.
  const parsed = new Map<unknown, unknown>();
  const parsedOnce = (value: unknown) => {
    if (!parsed.has(value)) parsed.set(value, parseParams(schema, value, node.id));
    return parsed.get(value);
  };
  const itemParams: Record<string, unknown[]> = {};
  for (const port in input) {
    const items = input[port] ?? [];
    const values = items.length ? await evaluate(expressions, node.params, context, items) : [];
    itemParams[port] = values.map((value) => parsedOnce(value));
  }
  const first = itemParams.main?.length ? itemParams.main : Object.values(itemParams).find((v) => v.length);
  if (first) return { params: first[0], itemParams };
  const [value] = await evaluate(expressions, node.params, context, []);
  return { params: parseParams(schema, value ?? {}, node.id), itemParams };
}

async function evaluate(
  expressions: ExpressionEvaluator,
  params: Record<string, unknown>,
  context: ExpressionContext,
  items: PortItems[string],
): Promise<unknown[]> {
  try {
    return await expressions.resolve(params, context, items);
  } catch (error) {
    if (error instanceof SbssError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SbssError('EXPRESSION_FAILED', message);
  }
}

function parseParams(schema: z.ZodType, value: unknown, nodeId: string): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map(({ code, path, message }) => ({
    code,
    path: jsonPath(path),
    message,
  }));
  const first = issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  throw new SbssError(
    'NODE_PARAMS_INVALID',
    `Params of node "${nodeId}" do not match its schema: ${where}${first?.message ?? 'invalid'}`,
    issues,
  );
}
