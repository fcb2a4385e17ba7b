import { definePlugin } from '@sbss/sdk';
import { dedupeNode } from './nodes/dedupe.js';
import { importNode } from './nodes/import.js';
import { intakeNode, webhookSecretCredential } from './nodes/intake.js';
import { languageNode } from './nodes/language.js';
import { monitorNode } from './nodes/monitor.js';
import { rssNode } from './nodes/rss.js';
import { storeNode } from './nodes/store.js';

export { detectLanguage, type LanguageGuess } from './language/detect.js';
export { type Mention, mentionSchema } from './mention.js';
export { matchQuery, parseQuery, QuerySyntaxError, searchSubject } from './query/index.js';

export default definePlugin({
  name: 'listening',
  version: '0.1.0',
  title: { en: 'Listening', 'zh-Hans': '舆情监听', 'zh-Hant': '輿情監聽' },
  nodes: [rssNode, intakeNode, importNode, monitorNode, dedupeNode, languageNode, storeNode],
  credentials: [webhookSecretCredential],
  // Feeds and import files are URLs the user types, so any public host may be asked; private and
  // loopback ranges stay blocked by the server's address policy.
  permissions: { httpHosts: ['*'] },
});
