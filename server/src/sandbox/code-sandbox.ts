import type { Item, ParamIssue } from '@sbss/sdk';
import { SbssError } from '../engine/errors.js';
import type { ExpressionContext, LogLine } from '../engine/ports.js';
import { readOutcome } from './call-outcome.js';
import { CodeProcess } from './code-process.js';
import { codeSyntaxIssues } from './code-syntax.js';
import { crossingScope } from './expression-scope.js';
import { type SandboxLimits, sandboxLimits } from './sandbox-limits.js';

export type CodeMode = 'all' | 'each';

/**
 * Longest code a Code node runs, in characters. V8 compiles code into a heap up to about 27
 * times its size, and an isolate that cannot fit one allocation while compiling takes the whole
 * process down rather than failing the call, so longer code is refused before it compiles.
 */
export const maxCodeLength = 1_000_000;

export const codeTooLongMessage = `The Code node runs at most ${maxCodeLength.toLocaleString('en')} characters of code; keep large data in the items, a variable or a collection`;

export interface CodeRun {
  code: string;
  mode: CodeMode;
  items: Item[];
  /** What the step's expressions see; the code gets `$node` and `$vars` only where it names them. */
  scope?: ExpressionContext;
  signal?: AbortSignal;
}

/**
 * Runs Code node bodies in the Code node's own process (`code-process.ts`), one isolate there
 * holding the limits and a fresh context per call. The answer is read here, where the items go on.
 */
export class CodeSandbox {
  readonly limits: SandboxLimits;
  readonly #process: CodeProcess;

  constructor(limits: Partial<SandboxLimits> = {}) {
    this.limits = sandboxLimits(limits);
    this.#process = new CodeProcess(this.limits);
  }

  /**
   * `paired`, when the code said it (n8n's `pairedItem`, or "each" mode), gives for each output
   * item the index of the input item it came from, -1 where unknown.
   */
  async run(run: CodeRun): Promise<{ items: Item[]; logs: LogLine[]; paired?: number[] }> {
    try {
      return await this.#runOnce(run);
    } catch (error) {
      throw located(error, run.code);
    }
  }

  async #runOnce(run: CodeRun): Promise<{ items: Item[]; logs: LogLine[]; paired?: number[] }> {
    if (run.code.length > maxCodeLength) throw new SbssError('NODE_FAILED', codeTooLongMessage);
    const payload = JSON.stringify({
      code: run.code,
      mode: run.mode,
      items: run.items,
      scope: run.scope && crossingScope(run.scope, [run.code], run.items),
    });
    const answer = await this.#process.call(payload, run.signal);
    const { output, logs, paired } = readOutcome(answer, () => new Date(), this.limits.maxOutputLength);
    const items = output.main ?? [];
    const said = paired?.main;
    // The isolate's answer is not trusted: anything but an index of an input item is unknown.
    const known = (index: unknown) =>
      typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < run.items.length
        ? index
        : -1;
    return said?.length === items.length ? { items, logs, paired: said.map(known) } : { items, logs };
  }

  dispose(): void {
    this.#process.dispose();
  }
}

/**
 * A syntax error gets the line, column and pointer the editor's check gives (the runtime's
 * `AsyncFunction` names no place). A `SyntaxError` the code threw while running, such as one from
 * `JSON.parse`, compiles fine and stays as it was.
 */
function located(error: unknown, code: string): unknown {
  if (!(error instanceof SbssError) || !error.message.startsWith('SyntaxError: ')) return error;
  let issue: ParamIssue | undefined;
  try {
    [issue] = codeSyntaxIssues(code);
  } catch {
    return error;
  }
  if (!issue) return error;
  return new SbssError(
    'NODE_FAILED',
    `SyntaxError: The code does not compile: ${issue.message}`,
    issue.details,
  );
}

let shared: CodeSandbox | undefined;

/** The process's Code node sandbox, created on first use; `core/code@1` runs here. */
export function sharedCodeSandbox(): CodeSandbox {
  shared ??= new CodeSandbox();
  return shared;
}

/** Replaces the shared sandbox's limits (server start-up, tests); the old process is stopped. */
export function configureCodeSandbox(limits: Partial<SandboxLimits>): CodeSandbox {
  shared?.dispose();
  shared = new CodeSandbox(limits);
  return shared;
}
