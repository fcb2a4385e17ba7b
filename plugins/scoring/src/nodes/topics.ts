import { defineNode, withFields, z } from '@sbss/sdk';
import { mentionText } from '../mention-text.js';
import { contains, normalise, parseTaxonomy, type Topic } from '../topics/taxonomy.js';

const example = `# topic: [keywords], or topic: { keywords, exclude, topics }
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
  reads: ['text', 'title'],
  params: z.object({
    taxonomy: z.string().default(example).describe('YAML or JSON: topic names to keyword lists'),
    includeParents: z
      .boolean()
      .default(true)
      .describe('A mention about product/battery is also about product'),
  }),
  run(ctx) {
    const list = taxonomy(ctx.params.taxonomy);
    return (ctx.input.main ?? []).map((item) => {
      const text = normalise(mentionText(item));
      const found = new Set<string>();
      const topicHits: Record<string, string[]> = {};
      for (const topic of list) {
        const hits = topic.keywords.filter((keyword) => contains(text, keyword));
        if (hits.length === 0 || topic.exclude.some((keyword) => contains(text, keyword))) continue;
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
