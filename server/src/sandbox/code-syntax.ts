import { type ParamIssue, pointerAt } from '@sbss/sdk';
import { codeArgumentNames, codeScopeNames } from './code-runtime-source.js';
import { compileError } from './syntax-isolate.js';

const wrapperHead = `(async function (${[...codeArgumentNames, ...codeScopeNames].join(', ')}) {\n`;

/**
 * A Code node's syntax error, found while the workflow is edited: the code is compiled, never
 * run, as the body of the async function the runtime makes of it with the same parameters, so a
 * `let items` is caught too. Line and column are the code's own.
 */
export function codeSyntaxIssues(code: string): ParamIssue[] {
  const error = compileError(`${wrapperHead}${code}\n})`);
  if (!error) return [];
  const lines = code.split('\n');
  // Past the last line is the wrapper's end: the code stopped before it was complete.
  const past = error.line - 1 > lines.length;
  const line = past ? lines.length : error.line - 1;
  const text = lines[line - 1] ?? '';
  const column = past ? [...text].length + 1 : error.column;
  // What V8 says past the end is about the wrapper's own closing tokens, which the user never wrote.
  const what = past ? 'The code ends before it is complete' : error.message;
  return [
    {
      path: ['code'],
      message: `${what} (line ${line}, column ${column})`,
      details: { line, column, pointer: pointerAt(text, column) },
    },
  ];
}
