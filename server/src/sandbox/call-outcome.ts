import { type Item, NodeError, type PortItems } from '@sbss/sdk';
import { z } from 'zod';
import { type ErrorCode, errorCodes, SbssError } from '../engine/errors.js';
import { jsonDeeperThan, maxJsonDepth, tooDeepMessage } from '../engine/json-depth.js';
import type { LogLine } from '../engine/ports.js';
import { expandOutput } from './output-delta.js';

/**
 * The answer a sandbox runtime gives for one call, as JSON text. Nothing in it is trusted: the
 * isolate's code could have replaced the runtime's helpers, so the shape is checked here.
 */
const logLineSchema = z.object({
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  data: z.json().optional(),
});

const errorSchema = z.object({
  name: z.string().max(200),
  message: z.string().max(5000),
  code: z.string().max(200).optional(),
  details: z.string().optional(),
});

// A schema per element would allocate for each of thousands of items per call: arrays are taken
// as they are, and items are checked by `itemsOnly` below, in one loop.
const array = z.custom<unknown[]>(Array.isArray, 'expected an array');

const okAnswerSchema = z.object({
  ok: z.record(z.string(), array).refine(itemsOnly, 'every item must be an object'),
  from: z.record(z.string(), array).optional(),
  kept: z.record(z.string(), z.string().max(200)).optional(),
  paired: z.record(z.string(), array).optional(),
  logs: z.array(logLineSchema),
  dropped: z.number(),
});
const errorAnswerSchema = z.object({ error: errorSchema, logs: z.array(logLineSchema), dropped: z.number() });

/** Checked against the one shape it claims to be, which costs less than a union trying both. */
function checkAnswer(value: unknown) {
  const claimsError = typeof value === 'object' && value !== null && Object.hasOwn(value, 'error');
  return claimsError ? errorAnswerSchema.safeParse(value) : okAnswerSchema.safeParse(value);
}

export interface CallOutcome {
  output: PortItems;
  logs: LogLine[];
  /** Output ports whose arrays stay in the plugin's isolate, with the token that names them. */
  kept?: Record<string, string>;
  /** Per output port, the input item each output item came from, as the code said (n8n's `pairedItem`). */
  paired?: Record<string, unknown[]>;
}

/**
 * Turns a runtime's answer into items, or throws the error the code raised, rebuilt in this realm.
 * Items sent as differences from input items (`output-delta.ts`) are rebuilt from `input`.
 */
export function readOutcome(
  answer: string,
  now: () => Date,
  maxLength: number,
  input: PortItems = {},
): CallOutcome {
  if (answer.length > maxLength) {
    throw new SbssError('PLUGIN_OUTPUT_INVALID', `The output is longer than ${maxLength} characters of JSON`);
  }
  // The answer holds items three levels down (answer, ports, port), their differences one more.
  if (jsonDeeperThan(answer, maxJsonDepth + 4)) {
    throw new SbssError('PLUGIN_OUTPUT_INVALID', `The output ${tooDeepMessage}`);
  }
  const parsed = checkAnswer(parseJson(answer));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new SbssError(
      'PLUGIN_OUTPUT_INVALID',
      `The output is not items by port (an object of arrays of objects)${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const at = now().toISOString();
  const logs: LogLine[] = parsed.data.logs.map((line) => ({ ...line, at }) as LogLine);
  if (parsed.data.dropped > 0) {
    logs.push({ level: 'warn', message: `${parsed.data.dropped} more log lines were dropped`, at });
  }
  if ('error' in parsed.data) throw rebuildError(parsed.data.error, logs);
  const { ok, from, kept, paired } = parsed.data;
  const output = from ? expandOutput(ok, from, input) : (ok as Record<string, Item[]>);
  const outcome: CallOutcome = { output, logs };
  if (kept) outcome.kept = kept;
  if (paired) outcome.paired = paired;
  return outcome;
}

function itemsOnly(ports: Record<string, unknown[]>): boolean {
  for (const port in ports) {
    for (const item of ports[port] ?? []) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
    }
  }
  return true;
}

/**
 * JSON as the sandbox wrote it, minus `__proto__` keys: JSON.parse keeps them as own data, but a
 * host node that later merges items key by key would set a prototype with them (the classic
 * prototype-pollution path, e.g. CVE-2019-10744 in lodash). Escapes (`\u005f_proto__`) count.
 */
function parseJson(text: string): unknown {
  try {
    if (!text.includes('__proto__') && !text.includes('\\u')) return JSON.parse(text);
    return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
  } catch {
    return undefined;
  }
}

/**
 * A NodeError keeps its code (`instanceof NodeError` holds in the host, as the SDK checks by
 * symbol); an error raised by a capability keeps its catalogue code; anything else the code
 * threw is NODE_FAILED with its name and message.
 */
function rebuildError(error: z.infer<typeof errorSchema>, logs: LogLine[]): Error {
  const extra = logs.length > 0 ? { logs } : {};
  if (error.code !== undefined) {
    const details = error.details === undefined ? undefined : (parseJson(error.details) ?? undefined);
    if (Object.hasOwn(errorCodes, error.code)) {
      return new SbssError(
        error.code as ErrorCode,
        error.message,
        details ?? (logs.length ? extra : undefined),
      );
    }
    return new NodeError(error.code, error.message, details);
  }
  const prefix = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  return new SbssError('NODE_FAILED', `${prefix}${error.message}`, logs.length ? extra : undefined);
}
