import type { CountNode, QueryNode, TermNode, TokenPattern } from './ast.js';
import type { SearchSubject } from './document.js';
import { spansIn, tokenMatches } from './spans.js';

export interface MatchResult {
  matched: boolean;
  /** Terms, as written in the query, that contributed to the match. */
  terms: string[];
}

export function matchQuery(query: QueryNode, subject: SearchSubject): MatchResult {
  const hits = new Set<string>();
  const matched = evaluate(query, subject, hits);
  return { matched, terms: matched ? [...hits] : [] };
}

/** Hits are kept only from branches that held: a failed AND or a NOT reports nothing. */
function evaluate(node: QueryNode, subject: SearchSubject, hits: Set<string>): boolean {
  switch (node.type) {
    case 'and': {
      const local = new Set<string>();
      for (const child of node.children) if (!evaluate(child, subject, local)) return false;
      for (const hit of local) hits.add(hit);
      return true;
    }
    case 'or': {
      let any = false;
      for (const child of node.children) any = evaluate(child, subject, hits) || any;
      return any;
    }
    case 'not':
      return !evaluate(node.child, subject, new Set());
    case 'term':
      if (node.field === 'lang' || node.field === 'source' || node.field === 'site')
        return wholeValue(node, subject, hits);
      if (node.field === 'verified') return held(node, subject.verified === (node.value === 'true'), hits);
      return positional(node, subject, hits);
    case 'near':
      return positional(node, subject, hits);
    case 'count':
      return held(node, compareCount(node, subject.counts[node.field]), hits);
  }
}

function held(node: { source: string }, ok: boolean, hits: Set<string>): boolean {
  if (ok) hits.add(node.source);
  return ok;
}

/** A mention without the number (no follower count given) fails every comparison. */
function compareCount(node: CountNode, count: number | undefined): boolean {
  if (count === undefined) return false;
  switch (node.operator) {
    case '>':
      return count > node.value;
    case '>=':
      return count >= node.value;
    case '<':
      return count < node.value;
    case '<=':
      return count <= node.value;
    case '=':
      return count === node.value;
  }
}

function positional(node: QueryNode, subject: SearchSubject, hits: Set<string>): boolean {
  let any = false;
  for (const doc of subject.docs) any = spansIn(node, doc, hits).length > 0 || any;
  return any;
}

/** `lang:zh` matches zh, zh-Hans and zh-Hant: a language tag matches its more specific tags (BCP 47 prefix). */
function wholeValue(term: TermNode, subject: SearchSubject, hits: Set<string>): boolean {
  const value = term.field === 'lang' ? subject.lang : term.field === 'site' ? subject.host : subject.source;
  const [pattern] = term.tokens;
  if (pattern === undefined || value === '') return false;
  const ok =
    term.field === 'site'
      ? onSite(pattern, value)
      : tokenMatches(pattern, value) || (term.field === 'lang' && value.startsWith(`${term.value}-`));
  return held(term, ok, hits);
}

/** `site:weibo.com` covers the host and its subdomains: the pattern against the host and each part after a dot. */
function onSite(pattern: TokenPattern, host: string): boolean {
  for (let from = 0; from >= 0; ) {
    if (tokenMatches(pattern, host.slice(from))) return true;
    const dot = host.indexOf('.', from);
    from = dot < 0 ? -1 : dot + 1;
  }
  return false;
}
