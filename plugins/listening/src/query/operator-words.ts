import { type ParamIssue, pointerAt } from '@sbss/sdk';
import type { QueryNode, TermNode } from './ast.js';

const operators = new Set(['and', 'or', 'not']);

/**
 * Terms of `query` written as a lower-case operator (`and` for AND), unquoted. Operators are upper
 * case only, as in Brandwatch and Talkwalker, so these are searched as words, which is seldom
 * what was meant; a quoted `"or"` is a word on purpose.
 */
function operatorWords(query: string, tree: QueryNode): TermNode[] {
  const chars = [...query];
  return terms(tree).filter(
    (term) => term.field === 'text' && operators.has(term.source) && chars[term.column - 1] !== '"',
  );
}

/**
 * A params warning for each such term, at `path`, its message led by `where` (a topic's path
 * inside a taxonomy), its pointer under the term in `query`.
 */
export function operatorWordWarnings(
  query: string,
  tree: QueryNode,
  path: ParamIssue['path'],
  where = '',
): ParamIssue[] {
  return operatorWords(query, tree).map((term) => ({
    path,
    severity: 'warning',
    message: `${where}"${term.source}" is searched as a word: the operator is written ${term.source.toUpperCase()} (column ${term.column})`,
    details: { column: term.column, pointer: pointerAt(query, term.column) },
  }));
}

function terms(tree: QueryNode): TermNode[] {
  switch (tree.type) {
    case 'term':
      return [tree];
    case 'near':
      return [...terms(tree.left), ...terms(tree.right)];
    case 'and':
    case 'or':
      return tree.children.flatMap(terms);
    case 'not':
      return terms(tree.child);
    default:
      return [];
  }
}
