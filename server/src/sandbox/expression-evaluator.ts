import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { SbssError } from '../engine/errors.js';
import { hasExpression } from '../engine/expression-syntax.js';
import { jsonDeeperThan, maxJsonDepth, tooDeepMessage } from '../engine/json-depth.js';
import type { ExpressionContext, ExpressionEvaluator } from '../engine/ports.js';
import {
  createExpressionIsolate,
  type ExpressionIsolate,
  type ExpressionIsolateLimits,
} from './expression-isolate.js';
import { shorten, type Template } from './expression-parser.js';
import { crossingScope } from './expression-scope.js';
import { itemsForExpressions } from './item-projection.js';
import { collectTemplates, fillTemplates } from './template-params.js';

export interface ExpressionEvaluatorOptions {
  /** Heap limit of the expression isolate (default 64). */
  memoryLimitMb?: number;
  /** Run time allowed to one `resolve` call in the isolate, all items and expressions together (default 100). */
  timeoutMs?: number;
  /** Distinct expression sources kept compiled (default 5,000). */
  cacheSize?: number;
  /** Longest JSON of one expression result, in characters (default 5,000,000). */
  maxResultLength?: number;
}

export type SandboxedExpressionEvaluator = ExpressionEvaluator & { dispose(): void };

const defaults = { memoryLimitMb: 64, timeoutMs: 100, cacheSize: 5_000, maxResultLength: 5_000_000 };

/** What the isolate answers; values come out of `JSON.parse`, so they are JSON by construction. */
const outputSchema = z.union([
  // One loop over the items' results: a schema per element allocated for each of thousands.
  z.object({ ok: z.custom<unknown[][]>((ok) => Array.isArray(ok) && ok.every(Array.isArray)) }),
  z.object({
    error: z.object({
      kind: z.enum(['syntax', 'runtime']),
      expression: z.string(),
      itemIndex: z.number().int().nullable(),
      message: z.string(),
    }),
  }),
]);

const positionSchema = z.object({
  expression: z.string().nullable(),
  itemIndex: z.number().int().nullable(),
});

/**
 * Evaluates `{{ }}` expressions in one dedicated isolate with no capabilities. A `resolve` call
 * sends every template and item in one payload and gets every result back in one string. An
 * isolate that dies (out of memory) is replaced on the next call.
 */
export function createExpressionEvaluator(
  options: ExpressionEvaluatorOptions = {},
): SandboxedExpressionEvaluator {
  const settings = { ...defaults, ...options };
  const limits: ExpressionIsolateLimits = {
    memoryLimitMb: settings.memoryLimitMb,
    cacheSize: settings.cacheSize,
    maxResultLength: settings.maxResultLength,
    // Four full-size results: room for real batches, well inside the isolate's heap.
    maxBatchLength: settings.maxResultLength * 4,
  };
  let sandbox: ExpressionIsolate | undefined;
  let closed = false;

  const current = (): ExpressionIsolate => {
    if (closed) throw new SbssError('INTERNAL', 'The expression evaluator was disposed');
    if (sandbox === undefined || sandbox.disposed) sandbox = createExpressionIsolate(limits);
    return sandbox;
  };

  return {
    hasExpressions: hasExpression,

    async resolve(
      params: Record<string, unknown>,
      context: ExpressionContext,
      items: Item[],
    ): Promise<unknown[]> {
      const count = Math.max(items.length, 1);
      const templates = collectTemplates(params);
      if (templates.length === 0) return Array.from({ length: count }, () => fillTemplates(params, []));

      const scope = JSON.stringify({ t: templates, c: scopeOf(context, templates, items) });
      const payload = `${scope.slice(0, -1)},"i":${itemsForExpressions(items, templates)}}`;
      const box = current();
      let output: string;
      try {
        output = await box.run(payload, settings.timeoutMs);
      } catch (error) {
        throw sandboxFailure(error, box, templates, settings);
      }
      return filledParams(params, readOutput(output), count);
    },

    dispose() {
      closed = true;
      sandbox?.dispose();
      sandbox = undefined;
    },
  };
}

/** The scope sent with a call, with what the expressions name. */
function scopeOf(context: ExpressionContext, templates: Template[], items: readonly Item[]) {
  const sources = templates.flatMap((template) => template.parts.filter((_, k) => k % 2 === 1));
  return crossingScope(context, sources, items);
}

/**
 * Each item's params with its results put in. Items whose results are the same scalars share one
 * params object, which the engine then parses once: a rule's condition is true or false for
 * thousands of items, and filling and parsing a copy for each was most of that rule's cost.
 */
function filledParams(params: Record<string, unknown>, results: unknown[][], count: number): unknown[] {
  const shared = new Map<string, unknown>();
  return Array.from({ length: count }, (_, index) => {
    const values = results[index] ?? [];
    if (!values.every(isScalar)) return fillTemplates(params, values);
    const key = JSON.stringify(values);
    if (!shared.has(key)) shared.set(key, fillTemplates(params, values));
    return shared.get(key);
  });
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function readOutput(output: string): unknown[][] {
  // Results sit three levels down: the answer, its items, an item's results.
  if (jsonDeeperThan(output, maxJsonDepth + 3)) {
    throw new SbssError('EXPRESSION_FAILED', `An expression's result ${tooDeepMessage}`, {
      expression: null,
      itemIndex: null,
    });
  }
  const parsed = outputSchema.safeParse(JSON.parse(output));
  if (!parsed.success) throw new SbssError('INTERNAL', 'The expression sandbox answered in an unknown form');
  if ('ok' in parsed.data) return parsed.data.ok;
  const { kind, expression, itemIndex, message } = parsed.data.error;
  const what = `Expression "{{ ${shorten(expression)} }}"`;
  throw new SbssError(
    'EXPRESSION_FAILED',
    kind === 'syntax'
      ? `${what} has a syntax error: ${message}`
      : `${what} failed on item ${itemIndex}: ${message}`,
    { expression, itemIndex },
  );
}

/** Maps what the isolate itself raised (timeout, out of memory) to EXPRESSION_FAILED. */
function sandboxFailure(
  error: unknown,
  box: ExpressionIsolate,
  templates: Template[],
  settings: typeof defaults,
): SbssError {
  const reason = error instanceof Error ? error.message : String(error);
  if (box.disposed) {
    // The isolate died mid-call; the next call gets a fresh one. Which expression was running is
    // lost with it, so it is named only when the call held a single one.
    const sources = templates.flatMap((template) => template.parts.filter((_, k) => k % 2 === 1));
    const expression = sources.length === 1 ? (sources[0] ?? null) : null;
    const message = /memory/i.test(reason)
      ? `Expressions ran out of memory (limit ${settings.memoryLimitMb} MB)`
      : `Expressions could not run: ${reason}`;
    return new SbssError('EXPRESSION_FAILED', message, { expression, itemIndex: null });
  }
  const position = positionSchema.safeParse(JSON.parse(box.where() ?? 'null'));
  const { expression, itemIndex } = position.success ? position.data : { expression: null, itemIndex: null };
  const subject = expression === null ? 'Expressions' : `Expression "{{ ${shorten(expression)} }}"`;
  const onItem = itemIndex === null ? '' : ` on item ${itemIndex}`;
  const message = /timed out/i.test(reason)
    ? `${subject} timed out after ${settings.timeoutMs} ms${onItem}`
    : `${subject} failed${onItem}: ${reason}`;
  return new SbssError('EXPRESSION_FAILED', message, { expression, itemIndex });
}
