import { definePlugin } from '@sbss/sdk';
import { influence } from './nodes/influence.js';
import { rules } from './nodes/rules.js';
import { sentiment } from './nodes/sentiment.js';
import { spam } from './nodes/spam.js';
import { topics } from './nodes/topics.js';
import { trainSentiment } from './nodes/train-sentiment.js';

export default definePlugin({
  name: 'scoring',
  // Kept equal to package.json's version; the plugin build checks they agree.
  version: '0.1.0',
  title: { en: 'Scoring', 'zh-Hans': '评分', 'zh-Hant': '評分' },
  nodes: [sentiment, trainSentiment, influence, rules, topics, spam],
});
