export type { QueryNode } from './ast.js';
export { type MentionView, type SearchSubject, searchSubject } from './document.js';
export { type MatchResult, matchQuery } from './matcher.js';
export { mentionView } from './mention-view.js';
export { operatorWordWarnings } from './operator-words.js';
export { parseQuery } from './parser.js';
export { QuerySyntaxError } from './syntax-error.js';
