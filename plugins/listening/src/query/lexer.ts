import { countFields, wordFields } from './ast.js';
import { QuerySyntaxError } from './syntax-error.js';

export type Lexeme =
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not'; column: number }
  | { kind: 'near'; distance: number; ordered: boolean; column: number }
  | { kind: 'word' | 'phrase'; text: string; field?: string; column: number; proximity?: number };

/** Every `field:` prefix; `domain:` is Talkwalker's name for `site:`. */
const fieldNames: ReadonlySet<string> = new Set([
  ...wordFields,
  'lang',
  'source',
  'site',
  'domain',
  'verified',
  ...countFields,
]);
const operators: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };
const delimiters = new Set(['(', ')', '"', ' ', '\t', '\n', '\r', '\u3000', '（', '）', '“', '”']);

/**
 * Splits a query into lexemes. Operators are upper case only, as in Brandwatch and Talkwalker
 * (lower-case "and" stays a word). Full-width brackets and quotes, common when typing with a
 * Chinese input method, count as their ASCII forms. Columns count characters from 1.
 */
export function lex(query: string): Lexeme[] {
  const chars = [...query];
  const lexemes: Lexeme[] = [];
  let at = 0;
  while (at < chars.length) {
    const char = chars[at] as string;
    const column = at + 1;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u3000') at += 1;
    else if (char === '(' || char === '（') {
      lexemes.push({ kind: 'lparen', column });
      at += 1;
    } else if (char === ')' || char === '）') {
      lexemes.push({ kind: 'rparen', column });
      at += 1;
    } else if (isQuote(char)) {
      const end = closingQuote(chars, at);
      at = phrase(chars, at, end, undefined, lexemes);
    } else {
      let end = at;
      while (end < chars.length && !delimiters.has(chars[end] as string)) end += 1;
      at = word(chars.slice(at, end).join(''), column, chars, end, lexemes);
    }
  }
  return lexemes;
}

/** Reads one bare word (and a quoted phrase after a `field:` prefix); returns where to go on. */
function word(text: string, column: number, chars: string[], end: number, out: Lexeme[]): number {
  const operator = operators[text];
  if (operator) {
    out.push({ kind: operator, column });
    return end;
  }
  const near = /^NEAR\/(\d*)(f?)$/.exec(text);
  if (near) {
    if (!near[1]) throw new QuerySyntaxError('NEAR needs a distance, e.g. NEAR/5', column);
    out.push({ kind: 'near', distance: Number(near[1]), ordered: near[2] === 'f', column });
    return end;
  }
  if (text.startsWith('NEAR'))
    throw new QuerySyntaxError(`"${text}" is not an operator; write NEAR/n or NEAR/nf`, column);
  const prefix = /^([a-z]+):(.*)$/i.exec(text);
  const field = prefix?.[1]?.toLowerCase();
  if (!prefix || !field || !fieldNames.has(field)) {
    out.push({ kind: 'word', text, column });
    return end;
  }
  const rest = prefix[2] ?? '';
  if (rest) {
    out.push({ kind: 'word', text: rest, field, column });
    return end;
  }
  if (end < chars.length && isQuote(chars[end] as string)) {
    return phrase(chars, end, closingQuote(chars, end), field, out, column);
  }
  throw new QuerySyntaxError(`"${field}:" needs a word or a "quoted phrase" right after the colon`, column);
}

/**
 * A quoted phrase from `open` to `close`, and the `~n` after it if any (`"battery drain"~5`: the
 * words within n words of each other, in any order, as Brandwatch and Talkwalker read it).
 */
function phrase(
  chars: string[],
  open: number,
  close: number,
  field: string | undefined,
  out: Lexeme[],
  column = open + 1,
): number {
  const text = chars.slice(open + 1, close).join('');
  let at = close + 1;
  if (chars[at] !== '~') {
    out.push({ kind: 'phrase', text, ...(field ? { field } : {}), column });
    return at;
  }
  let digits = '';
  for (at += 1; at < chars.length && /[0-9]/.test(chars[at] as string); at += 1) digits += chars[at];
  if (!digits)
    throw new QuerySyntaxError('"~" after a phrase needs a distance, e.g. "battery drain"~5', close + 2);
  out.push({ kind: 'phrase', text, ...(field ? { field } : {}), column, proximity: Number(digits) });
  return at;
}

function isQuote(char: string): boolean {
  return char === '"' || char === '“' || char === '”';
}

function closingQuote(chars: string[], open: number): number {
  for (let at = open + 1; at < chars.length; at += 1) if (isQuote(chars[at] as string)) return at;
  throw new QuerySyntaxError('Unclosed quote: add a closing "', open + 1);
}
