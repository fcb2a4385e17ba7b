import { defineNode, type Item, issuesFrom, NodeError, withFields, z } from '@sbss/sdk';
import {
  matchQuery,
  mentionView,
  operatorWordWarnings,
  parseQuery,
  type QueryNode,
  QuerySyntaxError,
  searchSubject,
} from '../query/index.js';
import { isObject } from '../records/field-path.js';

const params = z.object({
  query: z
    .string()
    .min(1)
    .describe(
      'Boolean query: AND, OR, NOT, (groups), "phrases", "words near"~n, NEAR/n (NEAR/nf in order), wildcards * and ?, #hashtags and @handles (Weibo #topics# too), author:/title:/lang:/source:/site: prefixes, verified:true, and counts such as followers:>=10k or views:<500. Case, width and Simplified/Traditional Chinese are ignored.',
    ),
  name: z
    .string()
    .min(1)
    .default('monitor')
    .describe(
      'Key under `matches` where the terms that hit are written, so several monitors can run in a row',
    ),
});

export const monitorNode = defineNode({
  id: 'monitor',
  title: { en: 'Keyword monitor', 'zh-Hans': '关键词监测', 'zh-Hant': '關鍵詞監測' },
  description: {
    en: 'Splits mentions by a boolean query, the way Brandwatch and Talkwalker queries are written.',
    'zh-Hans': '按布尔查询把提及分成命中与未命中两路。',
    'zh-Hant': '按布林查詢把提及分成命中與未命中兩路。',
  },
  category: 'listening',
  // Every field a query can search, and the matches of monitors before this one.
  reads: ['text', 'title', 'author', 'lang', 'source', 'url', 'metrics', 'matches'],
  params,
  outputs: {
    matched: { title: { en: 'Matched', 'zh-Hans': '命中', 'zh-Hant': '命中' } },
    unmatched: { title: { en: 'Not matched', 'zh-Hans': '未命中', 'zh-Hant': '未命中' } },
  },
  check: ({ query }) => {
    let tree: QueryNode | undefined;
    const issues = issuesFrom(['query'], () => {
      tree = compile(query, new Map());
    });
    if (!tree) return issues;
    return operatorWordWarnings(query, tree, ['query']);
  },
  run(ctx) {
    const compiled = new Map<string, QueryNode>();
    const matched: Item[] = [];
    const unmatched: Item[] = [];
    (ctx.input.main ?? []).forEach((item, index) => {
      const { query, name } = ctx.paramsFor(index);
      const result = matchQuery(compile(query, compiled), searchSubject(mentionView(item)));
      if (!result.matched) {
        unmatched.push(item);
        return;
      }
      const previous = isObject(item.matches) ? item.matches : {};
      matched.push(withFields(item, { matches: withFields(previous, { [name]: result.terms }) }));
    });
    return { matched, unmatched };
  },
});

function compile(query: string, cache: Map<string, QueryNode>): QueryNode {
  const known = cache.get(query);
  if (known) return known;
  try {
    const node = parseQuery(query);
    cache.set(query, node);
    return node;
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    throw new NodeError('QUERY_INVALID', error.message, error.details(query));
  }
}
