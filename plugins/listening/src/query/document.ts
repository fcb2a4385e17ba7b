import { foldText } from '../text/fold.js';
import { findTags, type Tag } from '../text/tags.js';
import { tokenize } from '../text/tokens.js';
import type { CountField, QueryField } from './ast.js';

/** One searchable text of a mention, folded and tokenized once for all terms. */
export interface SearchDoc {
  fields: ReadonlySet<QueryField>;
  tokens: string[];
  /** Token → positions, so exact terms jump straight to their candidates. */
  positions: Map<string, number[]>;
  tags: Tag[];
}

/** What a query can look at in an item; absent parts are simply never matched. */
export interface MentionView {
  text?: string;
  title?: string;
  authorName?: string;
  lang?: string;
  source?: string;
  url?: string;
  verified?: boolean;
  counts?: Partial<Record<CountField, number>>;
}

export interface SearchSubject {
  /** Folded and tokenized on first use: a query of `lang:` and `source:` terms never needs them. */
  readonly docs: SearchDoc[];
  lang: string;
  source: string;
  /** The URL's host, lower case, without `www.`; empty when there is no URL. */
  readonly host: string;
  verified?: boolean;
  counts: Partial<Record<CountField, number>>;
}

const titleFields: ReadonlySet<QueryField> = new Set(['text', 'title']);
const textFields: ReadonlySet<QueryField> = new Set(['text']);
const authorFields: ReadonlySet<QueryField> = new Set(['author']);

export function searchSubject(view: MentionView): SearchSubject {
  let docs: SearchDoc[] | undefined;
  let host: string | undefined;
  return {
    get docs() {
      docs ??= searchDocs(view);
      return docs;
    },
    // Read off the URL only for a `site:` term: most queries never look at it.
    get host() {
      host ??= hostOf(view.url ?? '');
      return host;
    },
    lang: (view.lang ?? '').toLowerCase(),
    source: foldText(view.source ?? ''),
    ...(view.verified === undefined ? {} : { verified: view.verified }),
    counts: view.counts ?? {},
  };
}

function hostOf(url: string): string {
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]*)/i.exec(url.trim())?.[1] ?? '';
  return host.toLowerCase().replace(/^www\./, '');
}

function searchDocs(view: MentionView): SearchDoc[] {
  const docs: SearchDoc[] = [];
  if (view.title) docs.push(searchDoc(view.title, titleFields));
  if (view.text) docs.push(searchDoc(view.text, textFields));
  if (view.authorName) docs.push(searchDoc(view.authorName, authorFields));
  return docs;
}

function searchDoc(text: string, fields: ReadonlySet<QueryField>): SearchDoc {
  const folded = foldText(text);
  const tokens = tokenize(folded);
  const positions = new Map<string, number[]>();
  tokens.forEach((token, at) => {
    const list = positions.get(token);
    if (list) list.push(at);
    else positions.set(token, [at]);
  });
  const tags = folded.includes('#') || folded.includes('@') ? findTags(folded) : [];
  return { fields, tokens, positions, tags };
}
