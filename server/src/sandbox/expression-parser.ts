import { SbssError } from '../engine/errors.js';
import { BoundedCache } from './bounded-cache.js';
import { withExtensionCalls } from './extension-calls.js';

/**
 * Splitting a string param into literal text and `{{ }}` expression sources. A `{{` with no `}}`
 * after it is literal text, as `isExpression` in `engine/expression-syntax.ts` decides.
 */

export interface Template {
  /** The string is one expression and only whitespace around it: its result keeps its type. */
  exact: boolean;
  /** Text and expression sources alternating; even indices are text, odd ones expressions. */
  parts: string[];
  /**
   * What the isolate compiles for an expression of `parts` written otherwise: n8n's data
   * transformation functions as `$ext` calls (`extension-calls.ts`). Errors still quote `parts`.
   */
  code?: Record<number, string>;
}

const parsed = new BoundedCache<string, Template>(5_000);

/**
 * Longest source of one `{{ }}`, in characters. V8 compiles a source into a heap up to about 27
 * times its size (12 times in one allocation, for a long array literal), and an isolate that
 * cannot fit one allocation while compiling takes the whole process down rather than failing
 * the call: the length is refused before anything compiles it. Expressions are one-liners;
 * large data belongs in items, variables or collections.
 */
export const maxExpressionLength = 100_000;

/** Parses `text`, remembering recent strings: the same params are resolved on every execution. */
export function parseTemplate(text: string): Template {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const template = splitTemplate(text);
  parsed.set(text, template);
  return template;
}

/** One `{{ }}` of a string param: the text before it, its trimmed source and where that starts. */
export interface ExpressionSpan {
  before: string;
  source: string;
  start: number;
}

/**
 * The `{{ }}` parts of `text` in order, each with the text before it, and the text after the last.
 * An empty `{{ }}` is an error, as it is when the param is resolved.
 */
export function expressionSpans(text: string): { spans: ExpressionSpan[]; rest: string } {
  const spans: ExpressionSpan[] = [];
  let textStart = 0;
  let open = text.indexOf('{{');
  while (open !== -1) {
    const close = findClose(text, open + 2);
    if (close === -1) break;
    const raw = text.slice(open + 2, close);
    const source = raw.trim();
    if (source === '') {
      throw new SbssError('EXPRESSION_FAILED', `Expression "${text.slice(open, close + 2)}" is empty`, {
        expression: '',
        itemIndex: null,
      });
    }
    if (source.length > maxExpressionLength) {
      throw new SbssError(
        'EXPRESSION_FAILED',
        `Expression "{{ ${shorten(source)} }}" is ${source.length.toLocaleString('en')} characters long; an expression may have at most ${maxExpressionLength.toLocaleString('en')}. Keep large data in the items, a variable or a collection`,
        { expression: shorten(source), itemIndex: null },
      );
    }
    spans.push({
      before: text.slice(textStart, open),
      source,
      start: open + 2 + raw.length - raw.trimStart().length,
    });
    textStart = close + 2;
    open = text.indexOf('{{', textStart);
  }
  return { spans, rest: text.slice(textStart) };
}

function splitTemplate(text: string): Template {
  const { spans, rest } = expressionSpans(text);
  const parts = [...spans.flatMap((span) => [span.before, span.source]), rest];
  const exact = parts.length === 3 && parts[0]?.trim() === '' && parts[2]?.trim() === '';
  const code: Record<number, string> = {};
  for (let k = 1; k < parts.length; k += 2) {
    const source = parts[k] as string;
    const written = withExtensionCalls(source);
    if (written !== source) code[k] = written;
  }
  return Object.keys(code).length > 0 ? { exact, parts, code } : { exact, parts };
}

/**
 * Finds the `}}` that ends the expression starting at `from`, skipping braces and `}}` inside
 * string literals, template literals and object literals (`{{ {a: {b: 1}} }}`). Regex literals
 * are not recognised, so when the careful scan finds no end (a quote inside a regex), the first
 * `}}` is taken instead.
 */
function findClose(text: string, from: number): number {
  const careful = scanForClose(text, from);
  return careful !== -1 ? careful : text.indexOf('}}', from);
}

function scanForClose(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  /** Brace depths of the code around each `${` we are inside. */
  const substitutions: number[] = [];
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      else if (quote === '`' && c === '$' && text[i + 1] === '{') {
        substitutions.push(depth);
        depth = 0;
        quote = '';
        i++;
      }
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth > 0) depth--;
      else if (substitutions.length > 0) {
        depth = substitutions.pop() ?? 0;
        quote = '`';
      } else if (text[i + 1] === '}') return i;
    }
  }
  return -1;
}

/** An expression's source as error messages quote it: at most 200 characters. */
export function shorten(source: string): string {
  return source.length > 200 ? `${source.slice(0, 200)}…` : source;
}
