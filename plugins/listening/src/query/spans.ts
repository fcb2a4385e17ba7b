import type { QueryNode, TermNode, TokenPattern } from './ast.js';
import type { SearchDoc } from './document.js';
import { wildcardMatch } from './wildcard.js';

/** Token positions [start, end) where a term or NEAR group occurs in one document. */
export interface Span {
  start: number;
  end: number;
}

/** Where a positional node (term, OR of them, NEAR) occurs in one document. */
export function spansIn(node: QueryNode, doc: SearchDoc, hits: Set<string>): Span[] {
  if (node.type === 'term') {
    const spans = termSpans(node, doc);
    if (spans.length) hits.add(node.source);
    return spans;
  }
  if (node.type === 'or') return node.children.flatMap((child) => spansIn(child, doc, hits));
  if (node.type !== 'near') return [];
  const sideHits = new Set<string>();
  const left = spansIn(node.left, doc, sideHits);
  const right = left.length ? spansIn(node.right, doc, sideHits) : [];
  const joined: Span[] = [];
  for (const a of left) {
    for (const b of right) {
      // Counting the words between the two sides, in either order (Brandwatch's NEAR/n) or with
      // the left side first (NEAR/nf).
      if (node.ordered && b.start < a.end) continue;
      const gap = b.start >= a.end ? b.start - a.end : a.start - b.end;
      if (gap <= node.distance)
        joined.push({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
    }
  }
  if (joined.length) for (const hit of sideHits) hits.add(hit);
  return joined;
}

export function termSpans(term: TermNode, doc: SearchDoc): Span[] {
  if (!doc.fields.has(term.field)) return [];
  if (term.tag) {
    const [pattern] = term.tokens as [TokenPattern];
    return doc.tags.filter((tag) => tag.mark === term.tag && tokenMatches(pattern, tag.value));
  }
  const [first] = term.tokens;
  const starts =
    first?.kind === 'exact' ? (doc.positions.get(first.value) ?? []) : doc.tokens.map((_, at) => at);
  const spans: Span[] = [];
  for (const start of starts) {
    const end = matchAt(term.tokens, doc.tokens, start);
    if (end >= 0) spans.push({ start, end });
  }
  return spans;
}

/**
 * The end of the shortest match of `patterns` starting at token `start`, or -1. Between gaps the
 * patterns form runs of consecutive tokens; each run after a gap is placed where it first fits,
 * which gives the shortest match in time linear in the tokens per run. Trying every length of
 * every gap instead grows with the text to the power of the gaps: `华*为*华*为*坏` over a long
 * post never ended.
 */
function matchAt(patterns: TokenPattern[], tokens: string[], start: number): number {
  let at = start;
  let afterGap = false;
  for (let p = 0; p < patterns.length; ) {
    if (patterns[p]?.kind === 'gap') {
      afterGap = true;
      p += 1;
      continue;
    }
    let q = p;
    while (q < patterns.length && patterns[q]?.kind !== 'gap') q += 1;
    let from = at;
    while (!runFits(patterns, p, q, tokens, from)) {
      if (!afterGap || from + (q - p) > tokens.length) return -1;
      from += 1;
    }
    at = from + (q - p);
    p = q;
  }
  return at;
}

/** Whether patterns[p..q), none a gap, match the tokens from `at` on, one token each. */
function runFits(patterns: TokenPattern[], p: number, q: number, tokens: string[], at: number): boolean {
  if (at + (q - p) > tokens.length) return false;
  for (let k = p; k < q; k += 1) {
    if (!tokenMatches(patterns[k] as TokenPattern, tokens[at + k - p] as string)) return false;
  }
  return true;
}

export function tokenMatches(pattern: TokenPattern, token: string): boolean {
  if (pattern.kind === 'exact') return pattern.value === token;
  if (pattern.kind === 'glob') return wildcardMatch(pattern.glob, [...token]);
  return pattern.kind === 'any';
}
