import type ivm from 'isolated-vm';
import { newIsolate } from './new-isolate.js';

/** Where isolated-vm says a compile error is: `Unexpected token ')' [source:5:1]`. */
const located = /^(.*) \[source:(\d+):(\d+)\]$/s;

let isolate: ivm.Isolate | undefined;

export interface CompileError {
  message: string;
  /** 1-based, in the script compiled. */
  line: number;
  column: number;
}

/**
 * The syntax error in `script`, if any, found by compiling it, never running it, in a small
 * isolate kept for this alone: user code and expressions are checked as they are edited without
 * touching the isolates that run them.
 */
export function compileError(script: string): CompileError | undefined {
  if (!isolate || isolate.isDisposed) isolate = newIsolate(64, 1);
  try {
    isolate.compileScriptSync(script, { filename: 'source' }).release();
    return undefined;
  } catch (error) {
    const match = error instanceof SyntaxError ? located.exec(error.message) : null;
    if (!match) throw error;
    return { message: match[1] ?? '', line: Number(match[2]), column: Number(match[3]) };
  }
}
