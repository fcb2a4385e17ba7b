import type { Item, JsonValue } from '@sbss/sdk';
import { SbssError } from './errors.js';
import { hasExpression, isExpression } from './expression-syntax.js';
import type { Clock, ExecutionJournal, ExpressionContext, ExpressionEvaluator, StepRecord } from './ports.js';

/**
 * Stand-ins for the world around the engine, for tests. The real clock, journal and expression
 * evaluator live in the runtime and the sandbox.
 */

export interface FakeClock extends Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[];
}

/**
 * Time moves only by sleeping. A sleep ends on the next macrotask, so work that only awaits
 * promises always finishes before a timeout racing it.
 */
export function fakeClock(start = '2026-01-01T00:00:00.000Z'): FakeClock {
  let now = Date.parse(start);
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal?.reason);
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          now += ms;
          resolve();
        }, 0);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

export interface JournalEvent {
  event: 'started' | 'finished';
  step: StepRecord;
}

export function memoryJournal(): ExecutionJournal & { events: JournalEvent[] } {
  const events: JournalEvent[] = [];
  return {
    events,
    stepStarted: (step) => void events.push({ event: 'started', step: structuredClone(step) }),
    stepFinished: (step) => void events.push({ event: 'finished', step: structuredClone(step) }),
  };
}

/**
 * Understands only `$json.a.b`, `$node["name"].json.a` and `$vars.a`, alone or inside text:
 * enough to drive the executor without a sandbox.
 */
export function standInExpressions(): ExpressionEvaluator & { resolveCalls: number } {
  const evaluator = {
    resolveCalls: 0,
    hasExpressions: hasExpression,
    async resolve(params: Record<string, unknown>, context: ExpressionContext, items: Item[]) {
      evaluator.resolveCalls++;
      const batch = items.length ? items : [{}];
      return batch.map((item) => resolveValue(params, item, context));
    },
  };
  return evaluator;
}

const expressionPattern = /\{\{\s*(.*?)\s*\}\}/g;

function resolveValue(value: unknown, item: Item, context: ExpressionContext): unknown {
  if (Array.isArray(value)) return value.map((entry) => resolveValue(entry, item, context));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, entry]) => [key, resolveValue(entry, item, context)]);
    return Object.fromEntries(entries);
  }
  if (!isExpression(value)) return value;
  const whole = /^\{\{\s*(.*?)\s*\}\}$/.exec(value);
  if (whole) return lookup(whole[1] as string, item, context);
  return value.replace(expressionPattern, (_, source: string) => String(lookup(source, item, context)));
}

function lookup(source: string, item: Item, context: ExpressionContext): unknown {
  const node = /^\$node\["([^"]+)"\]\.json((?:\.\w+)*)$/.exec(source);
  if (node) return walk(context.nodes[node[1] as string]?.json, node[2] as string);
  const json = /^\$json((?:\.\w+)*)$/.exec(source);
  if (json) return walk(item, json[1] as string);
  const vars = /^\$vars((?:\.\w+)*)$/.exec(source);
  if (vars) return walk(context.vars, vars[1] as string);
  throw new SbssError('EXPRESSION_FAILED', `The stand-in evaluator cannot evaluate "${source}"`);
}

function walk(value: JsonValue | undefined, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.').slice(1)) {
    current =
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}
