import { defineNode, type Item, issuesFrom, withFields, z } from '@sbss/sdk';
import {
  matchQuery,
  mentionView,
  operatorWordWarnings,
  type SearchSubject,
  searchSubject,
} from 'sbss-plugin-listening/query';
import { mentionText } from '../mention-text.js';
import { contains, normalise, parseTaxonomy, type Topic } from '../topics/taxonomy.js';

const example = `# topic: [keywords], or topic: { keywords, query, exclude, topics }
# query: a monitor query, e.g. query: (慢 OR refund) AND NOT thanks
delivery:
  keywords: [快递, 物流, 配送, delivery, shipping, courier]
  exclude: [快递柜广告]
billing: [退款, 扣费, 收费, refund, charged, invoice]
product:
  topics:
    battery: [电池, 续航, 充电, battery, charging]
    screen: [屏幕, 屏, screen, display]
`;

let cached: { source: string; topics: Topic[] } | undefined;

/** Parsing once per taxonomy text: the same node runs the same params batch after batch. */
function taxonomy(source: string): Topic[] {
  if (cached?.source !== source) cached = { source, topics: parseTaxonomy(source) };
  return cached.topics;
}

export const topics = defineNode({
  id: 'topics',
  title: { en: 'Topics', 'zh-Hans': '话题分类', 'zh-Hant': '話題分類' },
  description: {
    en: 'Tags mentions with topics from a keyword taxonomy written as YAML or JSON; Simplified and Traditional keywords match each other.',
    'zh-Hans': '按 YAML 或 JSON 编写的关键词分类给提及打上话题标签，简体和繁体关键词互相匹配。',
    'zh-Hant': '按 YAML 或 JSON 編寫的關鍵詞分類給提及打上話題標籤，簡體和繁體關鍵詞互相匹配。',
  },
  category: 'scoring',
  // What a topic's query can look at, beside the text and title its keywords read.
  reads: ['text', 'title', 'author', 'lang', 'source', 'url', 'metrics'],
  params: z.object({
    taxonomy: z.string().default(example).meta({
      widget: 'code',
      language: 'yaml',
      description: 'YAML or JSON: topic names to keyword lists, or to { keywords, query, exclude, topics }',
    }),
    includeParents: z
      .boolean()
      .default(true)
      .describe('A mention about product/battery is also about product'),
  }),
  check: (params) => {
    let list: Topic[] | undefined;
    const issues = issuesFrom(['taxonomy'], () => {
      list = taxonomy(params.taxonomy);
    });
    if (!list) return issues;
    return list.flatMap(({ path, query, querySource }) =>
      query && querySource ? operatorWordWarnings(querySource, query, ['taxonomy'], `${path}.query: `) : [],
    );
  },
  run(ctx) {
    const list = taxonomy(ctx.params.taxonomy);
    return (ctx.input.main ?? []).map((item) => {
      const text = normalise(mentionText(item));
      const subject = lazySubject(item);
      const found = new Set<string>();
      const topicHits: Record<string, string[]> = {};
      for (const topic of list) {
        const hits = topic.keywords.filter((keyword) => contains(text, keyword));
        // A query of NOT terms alone can hold with no term to report.
        const queried = topic.query ? matchQuery(topic.query, subject()) : undefined;
        if (queried?.matched) hits.push(...queried.terms);
        if (hits.length === 0 && !queried?.matched) continue;
        if (topic.exclude.some((keyword) => contains(text, keyword))) continue;
        topicHits[topic.path] = hits;
        found.add(topic.path);
        if (!ctx.params.includeParents) continue;
        const parts = topic.path.split('/');
        for (let depth = 1; depth < parts.length; depth++) found.add(parts.slice(0, depth).join('/'));
      }
      return withFields(item, { topics: [...found], topicHits });
    });
  },
});

/** An item's query view, built only if a topic with a query asks for it. */
function lazySubject(item: Item): () => SearchSubject {
  let subject: SearchSubject | undefined;
  return () => {
    subject ??= searchSubject(mentionView(item));
    return subject;
  };
}
