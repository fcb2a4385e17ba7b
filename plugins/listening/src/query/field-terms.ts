import {
  type CountField,
  type CountNode,
  countFields,
  type QueryNode,
  type TermNode,
  wordFields,
} from './ast.js';
import type { Lexeme } from './lexer.js';
import { QuerySyntaxError } from './syntax-error.js';
import { buildTerm, buildWordTerm } from './term.js';

type TextLexeme = Extract<Lexeme, { kind: 'word' | 'phrase' }>;

const counts: ReadonlySet<string> = new Set(countFields);

/** The node for a word or phrase, by its `field:` prefix: text terms, `site:`, `verified:` or a count. */
export function fieldTerm(lexeme: TextLexeme): QueryNode {
  const field = lexeme.field ?? 'text';
  const written = `${field}:${lexeme.text}`;
  if (counts.has(field)) {
    if (lexeme.kind === 'phrase')
      throw new QuerySyntaxError(`"${field}:" takes a number, not a phrase`, lexeme.column);
    return countTerm(lexeme.text, field as CountField, written, lexeme.column);
  }
  if (field === 'verified') return verifiedTerm(lexeme.text, written, lexeme.column);
  if (field === 'site' || field === 'domain') return siteTerm(lexeme.text, written, lexeme.column);
  if (lexeme.proximity !== undefined)
    return proximityTerm(lexeme, field as TermNode['field'], lexeme.proximity);
  const build = lexeme.kind === 'word' ? buildWordTerm : buildTerm;
  return build(lexeme.text, field as TermNode['field'], lexeme.column);
}

/** `"battery drain"~5`: each word within 5 words of the ones before it, in any order. */
function proximityTerm(lexeme: TextLexeme, field: TermNode['field'], distance: number): QueryNode {
  if (!wordFields.has(field)) {
    throw new QuerySyntaxError(`"${field}:" does not take "~": it compares whole values`, lexeme.column);
  }
  const words = lexeme.text.split(/[\s\u3000]+/).filter(Boolean);
  if (words.length < 2) {
    throw new QuerySyntaxError(
      '"~n" needs two or more words in the quotes, e.g. "battery drain"~5',
      lexeme.column,
    );
  }
  const [first, ...rest] = words.map((word) => buildTerm(word, field, lexeme.column));
  return rest.reduce<QueryNode>(
    (left, right) => ({ type: 'near', distance, ordered: false, left, right, column: lexeme.column }),
    first as TermNode,
  );
}

/** Shorthands people write for large counts: 10k, 1.5m, 2万 (ten thousand). */
const multipliers: Record<string, number> = { '': 1, k: 1e3, m: 1e6, w: 1e4, 万: 1e4 };

/** `followers:>=10k`, `views:<500`, `likes:0`: the operator defaults to equality. */
function countTerm(text: string, field: CountField, source: string, column: number): CountNode {
  const parsed = /^(>=|<=|>|<|=)?(\d+(?:\.\d+)?)([kmw万]?)$/i.exec(text.trim());
  if (!parsed) {
    throw new QuerySyntaxError(
      `"${field}:" takes a number with an optional >, >=, < or <= before it, e.g. ${field}:>=1000`,
      column,
    );
  }
  const [, operator = '=', digits = '', unit = ''] = parsed;
  return {
    type: 'count',
    field,
    operator: operator as CountNode['operator'],
    value: Number(digits) * (multipliers[unit.toLowerCase()] ?? 1),
    source,
    column,
  };
}

function verifiedTerm(text: string, source: string, column: number): TermNode {
  const value = text.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') {
    throw new QuerySyntaxError('"verified:" takes true or false', column);
  }
  return { type: 'term', field: 'verified', source, value, tokens: [], column };
}

/**
 * `site:weibo.com` (or Talkwalker's `domain:`) matches the mention's URL on that host or any
 * subdomain of it (m.weibo.com); `*` matches any run of characters (`site:*.gov.cn`).
 */
function siteTerm(text: string, source: string, column: number): TermNode {
  const host = text
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  if (!/^[a-z0-9*.-]+$/.test(host) || !/[a-z0-9]/.test(host)) {
    throw new QuerySyntaxError(`"${text}" is not a domain; write e.g. site:weibo.com`, column);
  }
  return {
    type: 'term',
    field: 'site',
    source,
    value: host,
    tokens: [{ kind: 'glob', glob: [...host] }],
    column,
  };
}
