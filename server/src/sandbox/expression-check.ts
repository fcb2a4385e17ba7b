import { type ParamIssue, pointerAt } from '@sbss/sdk';
import { SbssError } from '../engine/errors.js';
import { expressionSpans, shorten } from './expression-parser.js';
import { expressionScopeNames } from './expression-runtime.js';
import { withExtensionCalls } from './extension-calls.js';
import { compileError } from './syntax-isolate.js';

const wrapperHead = `(function (${expressionScopeNames.join(', ')}) { "use strict"; return (\n`;

/**
 * Syntax errors in the `{{ }}` expressions of a node's params, found while the workflow is edited:
 * each is compiled, never run, as the expression runtime compiles it. An issue sits at the param
 * and points at the place in the param's text.
 */
export function expressionSyntaxIssues(params: Record<string, unknown>): ParamIssue[] {
  const issues: ParamIssue[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (value.includes('{{')) issues.push(...templateIssues(value, path));
    } else if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        visit(entry, [...path, index]);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, entry] of Object.entries(value)) visit(entry, [...path, key]);
    }
  };
  visit(params, []);
  return issues;
}

function templateIssues(text: string, path: (string | number)[]): ParamIssue[] {
  let spans: ReturnType<typeof expressionSpans>['spans'];
  try {
    spans = expressionSpans(text).spans;
  } catch (error) {
    if (error instanceof SbssError) return [{ path, message: error.message }];
    throw error;
  }
  const issues: ParamIssue[] = [];
  for (const { source, start } of spans) {
    const code = withExtensionCalls(source);
    const error = compileError(`${wrapperHead}${code}\n); })`);
    if (!error) continue;
    // Past the source's last line V8 speaks of the wrapper's closing tokens, which nobody wrote.
    const past = error.line - 1 > source.split('\n').length;
    const what = past ? 'it ends before it is complete' : error.message;
    const message = `Expression "{{ ${shorten(source)} }}" has a syntax error: ${what}`;
    // Columns of rewritten code (n8n's data transformation functions) do not map onto the text.
    const at = code === source ? offsetIn(source, error.line - 1, error.column) : undefined;
    issues.push({ path, message, ...(at === undefined ? {} : { details: pointerIn(text, start + at) }) });
  }
  return issues;
}

/** The offset in `source` of a 1-based line and column; past the end, the end. */
function offsetIn(source: string, line: number, column: number): number {
  const lines = source.split('\n');
  if (line > lines.length) return source.length;
  const before = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  return Math.min(before + column - 1, source.length);
}

/** The line of `text` holding `offset`, with a caret under it, and its line and column. */
function pointerIn(text: string, offset: number) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const lineText = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const line = text.slice(0, lineStart).split('\n').length;
  const column = [...text.slice(lineStart, offset)].length + 1;
  return { line, column, pointer: pointerAt(lineText, column) };
}
