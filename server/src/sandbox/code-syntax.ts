import { type ParamIssue, pointerAt } from '@sbss/sdk';
import type ivm from 'isolated-vm';
import { codeArgumentNames, codeScopeNames } from './code-runtime-source.js';
import { newIsolate } from './new-isolate.js';

/** Where isolated-vm says a compile error is: `Unexpected token ')' [code:5:1]`. */
const located = /^(.*) \[code:(\d+):(\d+)\]$/s;

const wrapperHead = `(async function (${[...codeArgumentNames, ...codeScopeNames].join(', ')}) {\n`;

let isolate: ivm.Isolate | undefined;

/**
 * A Code node's syntax error, found while the workflow is edited: the code is compiled, never
 * run, in an isolate of its own, as the body of the async function the runtime makes of it with
 * the same parameters, so a `let items` is caught too. Line and column are the code's own.
 */
export function codeSyntaxIssues(code: string): ParamIssue[] {
  if (!isolate || isolate.isDisposed) isolate = newIsolate(32, 1);
  try {
    isolate.compileScriptSync(`${wrapperHead}${code}\n})`, { filename: 'code' }).release();
    return [];
  } catch (error) {
    const match = error instanceof SyntaxError ? located.exec(error.message) : null;
    if (!match) throw error;
    const lines = code.split('\n');
    // Past the last line is the wrapper's end: the code stopped before it was complete.
    const line = Math.min(Number(match[2]) - 1, lines.length);
    const text = lines[line - 1] ?? '';
    const column = Number(match[2]) - 1 > lines.length ? [...text].length + 1 : Number(match[3]);
    return [
      {
        path: ['code'],
        message: `${match[1]} (line ${line}, column ${column})`,
        details: { line, column, pointer: pointerAt(text, column) },
      },
    ];
  }
}
