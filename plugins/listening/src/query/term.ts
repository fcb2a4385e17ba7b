import { foldText } from '../text/fold.js';
import { isHan, isWordChar } from '../text/scripts.js';
import { isTagChar } from '../text/tags.js';
import type { QueryField, TermNode, TokenPattern } from './ast.js';
import { QuerySyntaxError } from './syntax-error.js';

/**
 * Builds a term from a word or phrase. The text is folded and split exactly as mention text is
 * (see `tokenize`), so a term is a sequence of token patterns: `*`/`?` inside a word make it a
 * pattern ("car*" → cars, carbon); between Chinese characters `?` stands for one character and
 * `*` for any run of them ("华为*手机").
 */
export function buildTerm(text: string, field: QueryField, column: number): TermNode {
  const folded = foldText(text).trim();
  const tokens = field === 'lang' || field === 'source' ? [wordPattern(folded)] : patterns(folded);
  while (tokens[0]?.kind === 'gap') tokens.shift();
  while (tokens.at(-1)?.kind === 'gap') tokens.pop();
  if (!tokens.length || tokens.every((token) => token.kind === 'any')) {
    throw new QuerySyntaxError(`"${text}" has no letters or characters to search for`, column);
  }
  return {
    type: 'term',
    field,
    source: field === 'text' ? text : `${field}:${text}`,
    value: folded,
    tokens,
    column,
  };
}

/**
 * Builds a term from a bare word. One that starts with `#` or `@` searches hashtags or @handles
 * only, as in Brandwatch: `#华为` matches the tag `#华为` (and the topic `#华为#`), not `#华为手机`
 * nor 华为 in the text; `#华为*` matches both tags, and `#华为#` is `#华为`. Quoted, `"#华为"` is the words again.
 */
export function buildWordTerm(text: string, field: QueryField, column: number): TermNode {
  const folded = foldText(text).trim();
  const mark = folded[0];
  if ((mark !== '#' && mark !== '@') || (field !== 'text' && field !== 'title')) {
    return buildTerm(text, field, column);
  }
  // Weibo users write a topic the way Weibo shows it: `#华为Mate60#`.
  const value = folded.slice(1, mark === '#' && folded.endsWith('#') ? -1 : undefined);
  if (![...value].some(isTagChar)) {
    throw new QuerySyntaxError(`"${text}" needs letters or characters after the ${mark}`, column);
  }
  return {
    type: 'term',
    field,
    source: field === 'text' ? text : `${field}:${text}`,
    value,
    tokens: [wordPattern(value)],
    column,
    tag: mark,
  };
}

function patterns(folded: string): TokenPattern[] {
  const out: TokenPattern[] = [];
  let word = '';
  const flush = () => {
    if (word) out.push(wordPattern(word));
    word = '';
  };
  for (const char of folded) {
    if (isHan(char.codePointAt(0) ?? 0)) {
      flush();
      out.push({ kind: 'exact', value: char });
    } else if (isWordChar(char) || ((char === '*' || char === '?') && word)) {
      word += char;
    } else {
      flush();
      if (char === '*') out.push({ kind: 'gap' });
      if (char === '?') out.push({ kind: 'any' });
    }
  }
  flush();
  return out;
}

function wordPattern(word: string): TokenPattern {
  if (!/[*?]/.test(word)) return { kind: 'exact', value: word };
  return { kind: 'glob', glob: [...word] };
}
