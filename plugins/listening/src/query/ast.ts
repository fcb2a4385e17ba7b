import type { TagMark } from '../text/tags.js';

/** Fields a term can be limited to with a `field:` prefix; `text` searches title and body. */
export type QueryField = 'text' | 'title' | 'author' | 'lang' | 'source' | 'site' | 'verified';

/** Fields whose terms are words at places in a text: what NEAR and `"…"~n` can join. */
export const wordFields: ReadonlySet<QueryField> = new Set(['text', 'title', 'author']);

/** Numbers of a mention a query can compare: the author's followers and the post's metrics. */
export const countFields = ['followers', 'likes', 'shares', 'comments', 'views'] as const;
export type CountField = (typeof countFields)[number];

/** One position of a term: an exact token, a token pattern, any one token, or any run of tokens. */
export type TokenPattern =
  | { kind: 'exact'; value: string }
  | { kind: 'glob'; glob: string[] }
  | { kind: 'any' }
  | { kind: 'gap' };

export interface TermNode {
  type: 'term';
  field: QueryField;
  /** The term as written, for reporting which terms hit. */
  source: string;
  /** Folded value, used by `lang:` and `source:` which compare whole values. */
  value: string;
  tokens: TokenPattern[];
  column: number;
  /** Set for `#tag` and `@handle` terms, which match only hashtags or handles: one pattern over the tag's value. */
  tag?: TagMark;
}

export interface NearNode {
  type: 'near';
  distance: number;
  /** `NEAR/nf`: the left side must come first. */
  ordered: boolean;
  left: QueryNode;
  right: QueryNode;
  column: number;
}

/** `followers:>=1000`: one of the mention's numbers against a bound. */
export interface CountNode {
  type: 'count';
  field: CountField;
  operator: '>' | '>=' | '<' | '<=' | '=';
  value: number;
  source: string;
  column: number;
}

export type QueryNode =
  | TermNode
  | NearNode
  | CountNode
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };
