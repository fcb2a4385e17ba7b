import type { TagMark } from '../text/tags.js';

/** Fields a term can be limited to with a `field:` prefix; `text` searches title and body. */
export type QueryField = 'text' | 'title' | 'author' | 'lang' | 'source';

/** One position of a term: an exact token, a token pattern, any one token, or any run of tokens. */
export type TokenPattern =
  | { kind: 'exact'; value: string }
  | { kind: 'glob'; pattern: RegExp }
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
  left: QueryNode;
  right: QueryNode;
  column: number;
}

export type QueryNode =
  | TermNode
  | NearNode
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };
