import { definePlugin } from '@sbss/sdk';
import { countSeenNode } from './nodes/count-seen.js';
import { keywordScoreNode } from './nodes/keyword-score.js';

/** The plugin: its nodes are `starter/keyword-score@1` and `starter/count-seen@1`. */
export default definePlugin({
  name: 'starter',
  version: '0.1.0',
  title: { en: 'Starter', 'zh-Hans': '入门示例', 'zh-Hant': '入門範例' },
  nodes: [keywordScoreNode, countSeenNode],
  // Hosts ctx.http may reach; the installer shows them and the sandbox enforces them.
  permissions: { httpHosts: [] },
});
