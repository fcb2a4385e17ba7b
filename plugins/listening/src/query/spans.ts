import type { QueryNode, TermNode, TokenPattern } from './ast.js';
import type { SearchDoc } from './document.js';

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
    const end = matchFrom(term.tokens, 0, doc.tokens, start);
    if (end >= 0) spans.push({ start, end });
  }
  return spans;
}

/** Returns the end of the shortest match of patterns[p..] at tokens[t..], or -1. */
function matchFrom(patterns: TokenPattern[], p: number, tokens: string[], t: number): number {
  if (p === patterns.length) return t;
  const pattern = patterns[p] as TokenPattern;
  if (pattern.kind === 'gap') {
    for (let skip = t; skip <= tokens.length; skip += 1) {
      const end = matchFrom(patterns, p + 1, tokens, skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[t];
  if (token === undefined || !tokenMatches(pattern, token)) return -1;
  return matchFrom(patterns, p + 1, tokens, t + 1);
}

export function tokenMatches(pattern: TokenPattern, token: string): boolean {
  if (pattern.kind === 'exact') return pattern.value === token;
  if (pattern.kind === 'glob') return pattern.pattern.test(token);
  return pattern.kind === 'any';
}
