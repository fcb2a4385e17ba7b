import type { Item, ParamIssue, PortItems } from '@sbss/sdk';
import type ivm from 'isolated-vm';
import { z } from 'zod';
import { SbssError } from '../engine/errors.js';
import { itemsJson, readFieldsJson } from '../engine/items-json.js';
import { type CallOutcome, readOutcome } from './call-outcome.js';
import type { GrantedCapabilities } from './host-bridge.js';
import {
  type CallPayload,
  IsolateRunner,
  type RuntimeHandles,
  type RuntimeObject,
  runtimeHandles,
} from './isolate-runner.js';
import { pluginRuntimeSource } from './plugin-runtime-source.js';
import { residentMissingAnswer } from './resident-items-source.js';
import { pluginLockdownSource, trimGlobalsSource } from './sandbox-globals-source.js';
import { type SandboxLimits, sandboxLimits } from './sandbox-limits.js';

/** A built plugin: the one script `sbss plugin build` wrote, under its `name@version`. */
export interface PluginBundle {
  key: string;
  source: string;
}

/** One call of a plugin node's `run`, with params already parsed and expressions resolved. */
export interface PluginCall {
  /** `<node id>@<major>` within the plugin. */
  node: string;
  params: unknown;
  itemParams: Record<string, unknown[]>;
  input: PortItems;
  ids: { executionId: string; workflowId: string; workspaceId: string; nodeId: string };
  now: Date;
  capabilities: GrantedCapabilities;
  signal?: AbortSignal;
  /** Output ports the next node, of the same plugin and the only reader, takes from the isolate. */
  keep?: string[];
  /** The item fields to send, when the node (and any node taking its kept output) declares them. */
  reads?: readonly string[];
}

const paramIssuesSchema = z
  .array(
    z.object({
      path: z.array(z.union([z.string().max(200), z.number().int()])).max(32),
      message: z.string().min(1).max(2000),
      severity: z.enum(['error', 'warning']).optional(),
      details: z.record(z.string(), z.json()).optional(),
    }),
  )
  .max(100);

interface Prepared {
  runtime: ivm.Script;
  trim: ivm.Script;
  lockdown: ivm.Script;
  bundle: ivm.Script;
}

/**
 * Runs plugin nodes, one isolate per plugin version, each script compiled once and its context
 * reused across calls. A plugin that fails, overruns or dies fails its own calls only.
 */
export class PluginHost {
  readonly limits: SandboxLimits;
  readonly #runners = new Map<string, IsolateRunner<Prepared>>();
  /** Per plugin: output arrays kept in its isolate, by the token the runtime gave them. */
  readonly #resident = new Map<string, WeakMap<readonly Item[], string>>();
  readonly #now: () => Date;

  constructor(limits: Partial<SandboxLimits> = {}, now: () => Date = () => new Date()) {
    this.limits = sandboxLimits(limits);
    this.#now = now;
  }

  /** Loads the plugin's isolate now: the first call then pays no start-up cost. */
  warm(bundle: PluginBundle): void {
    this.#runner(bundle).warm();
  }

  async run(bundle: PluginBundle, call: PluginCall): Promise<CallOutcome> {
    const subject = `Node "${call.node}" of plugin ${bundle.key}`;
    const runner = this.#runner(bundle);
    const resident = this.#residentOf(bundle.key);
    const attempt = (tokens: Record<string, string>) =>
      runner.run({
        subject,
        quickKey: call.node,
        capabilities: call.capabilities,
        ...(call.signal ? { signal: call.signal } : {}),
        payload: () => payloadOf(call, tokens),
      });
    const tokens = residentTokens(call.input, resident);
    let answer = await attempt(tokens);
    // The isolate was replaced or let the arrays go: send the items themselves.
    if (answer === residentMissingAnswer) answer = await attempt({});
    const outcome = readOutcome(answer, this.#now, this.limits.maxOutputLength, call.input);
    for (const [port, token] of Object.entries(outcome.kept ?? {})) {
      const items = outcome.output[port];
      if (items) resident.set(items, token);
    }
    return outcome;
  }

  /**
   * What the node's `check` finds in `params`, run like a call of the node, under its limits and
   * with no capabilities. Throws what the check threw.
   */
  async check(bundle: PluginBundle, node: string, params: unknown): Promise<ParamIssue[]> {
    const subject = `The params check of node "${node}" of plugin ${bundle.key}`;
    const running = this.#runner(bundle).run({
      subject,
      payload: () => [JSON.stringify({ check: true, node, params })],
    });
    const waitMs = this.limits.checkWaitMs;
    const answer = await answerWithin(
      running,
      waitMs,
      () => new SbssError('PLUGIN_TIMEOUT', `${subject} gave no answer within ${waitMs} ms`),
    );
    const { output } = readOutcome(answer, this.#now, this.limits.maxOutputLength);
    const issues = paramIssuesSchema.safeParse(output.issues ?? []);
    if (!issues.success) {
      throw new SbssError(
        'PLUGIN_OUTPUT_INVALID',
        `${subject} gave issues that are not { path, message, details? }`,
      );
    }
    return issues.data as ParamIssue[];
  }

  dispose(): void {
    for (const runner of this.#runners.values()) runner.dispose();
    this.#runners.clear();
    this.#resident.clear();
  }

  #residentOf(key: string): WeakMap<readonly Item[], string> {
    let resident = this.#resident.get(key);
    if (!resident) {
      resident = new WeakMap();
      this.#resident.set(key, resident);
    }
    return resident;
  }

  #runner(bundle: PluginBundle): IsolateRunner<Prepared> {
    let runner = this.#runners.get(bundle.key);
    if (!runner) {
      runner = new IsolateRunner<Prepared>({
        limits: this.limits,
        contextPerCall: false,
        prepare: (isolate) => compile(isolate, bundle, this.limits),
        install: (prepared, context) => install(prepared, context, bundle.key, this.limits),
      });
      this.#runners.set(bundle.key, runner);
    }
    return runner;
  }
}

/**
 * What `running` gives, or `late()` thrown once `ms` have passed. `running` goes on under its own
 * limits; its outcome is then unused.
 */
async function answerWithin<T>(running: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  running.catch(() => {});
  try {
    return await Promise.race([running, waited]);
  } finally {
    clearTimeout(timer);
  }
}

function compile(isolate: ivm.Isolate, bundle: PluginBundle, limits: SandboxLimits): Prepared {
  const settings = JSON.stringify({
    maxOutputLength: limits.maxOutputLength,
    maxLogLines: limits.maxLogLines,
  });
  try {
    return {
      runtime: isolate.compileScriptSync(`(${pluginRuntimeSource})(${settings})`, {
        filename: 'sbss:runtime',
      }),
      trim: isolate.compileScriptSync(trimGlobalsSource, { filename: 'sbss:globals' }),
      lockdown: isolate.compileScriptSync(pluginLockdownSource, { filename: 'sbss:lockdown' }),
      bundle: isolate.compileScriptSync(bundle.source, { filename: `plugin:${bundle.key}` }),
    };
  } catch (error) {
    throw new SbssError(
      'PLUGIN_INVALID',
      `The bundle of plugin ${bundle.key} does not compile: ${message(error)}`,
    );
  }
}

function install(
  prepared: Prepared,
  context: ivm.Context,
  key: string,
  limits: SandboxLimits,
): RuntimeHandles {
  const runtime: ivm.Reference<RuntimeObject> = prepared.runtime.runSync(context, { reference: true });
  prepared.trim.runSync(context);
  try {
    prepared.bundle.runSync(context, { timeout: limits.loadTimeMs });
    runtime.getSync('attach', { reference: true }).applySync(undefined, [], { timeout: limits.loadTimeMs });
    prepared.lockdown.runSync(context, { timeout: limits.loadTimeMs });
  } catch (error) {
    throw new SbssError('PLUGIN_CRASHED', `Plugin ${key} failed while loading: ${message(error)}`);
  }
  return runtimeHandles(runtime);
}

/**
 * Per-item params go as indexes into a table of the distinct ones, -1 for the batch's params, so
 * 2,000 items whose expressions give a handful of different results send (and the node parses) a
 * handful of params objects. A port whose items all use the batch's params is left out.
 */
function payloadOf(call: PluginCall, resident: Record<string, string>): CallPayload {
  const itemParams: Record<string, number[]> = {};
  const paramsTable: unknown[] = [];
  const known = new Map<string, number>();
  // Items often share one params object: it is written out once, not once per item.
  const seen = new Map<unknown, number>();
  for (const [port, values] of Object.entries(call.itemParams)) {
    if (values.every((value) => value === call.params)) continue;
    itemParams[port] = values.map((value) => {
      if (value === call.params) return -1;
      let at = seen.get(value);
      if (at !== undefined) return at;
      const text = JSON.stringify(value);
      at = known.get(text);
      if (at === undefined) {
        at = paramsTable.push(value) - 1;
        known.set(text, at);
      }
      seen.set(value, at);
      return at;
    });
  }
  const { node, params, ids, reads } = call;
  const ports = Object.keys(call.input);
  const head = JSON.stringify({
    ports,
    node,
    params,
    itemParams,
    paramsTable,
    ids,
    now: call.now.toISOString(),
    ...(call.keep?.length ? { keep: call.keep } : {}),
    ...(Object.keys(resident).length ? { resident } : {}),
    ...(reads ? { reads: true } : {}),
  });
  const portTexts = ports.map((port) => {
    if (port in resident) return 'null';
    const items = call.input[port] ?? [];
    return reads ? readFieldsJson(items, reads) : itemsJson(items);
  });
  return [head, ...portTexts];
}

/** Tokens of the input arrays waiting in the isolate; each is handed over once. */
function residentTokens(
  input: PortItems,
  resident: WeakMap<readonly Item[], string>,
): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [port, items] of Object.entries(input)) {
    const token = resident.get(items);
    if (token === undefined) continue;
    resident.delete(items);
    tokens[port] = token;
  }
  return tokens;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
