import { createHash } from 'node:crypto';
import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { canonicalJson } from './canonical-json.js';
import { loadHistory, saveHistory } from './dedupe-history.js';
import { getPath } from './field-path.js';
import { paramMeta } from './param-meta.js';

export const dedupeNode = defineHostNode({
  id: 'dedupe',
  title: { en: 'Remove duplicates', 'zh-Hans': '去重', 'zh-Hant': '去重' },
  description: {
    en: 'Drops items already seen in this batch, or in earlier runs of the workflow.',
    'zh-Hans': '丢弃本批次或本工作流以往运行中已出现过的数据。',
    'zh-Hant': '捨棄本批次或本工作流程先前執行中已出現過的資料。',
  },
  category: 'data',
  params: z.object({
    fields: z
      .array(z.string().min(1))
      .default([])
      .meta(
        paramMeta({
          title: { en: 'Key fields', 'zh-Hans': '判重字段', 'zh-Hant': '判重欄位' },
          description: {
            en: 'Field paths that identify an item, e.g. ["url"]; empty compares whole items',
            'zh-Hans': '用于识别数据的字段路径，例如 ["url"]；留空则比较整条数据',
            'zh-Hant': '用於識別資料的欄位路徑，例如 ["url"]；留空則比較整筆資料',
          },
        }),
      ),
    scope: z
      .enum(['batch', 'workflow'])
      .default('batch')
      .meta(
        paramMeta({
          title: { en: 'Scope', 'zh-Hans': '范围', 'zh-Hant': '範圍' },
          description: {
            en: 'batch: within this run; workflow: also against items seen in earlier runs',
            'zh-Hans': 'batch：仅在本次运行内去重；workflow：还与以往运行中出现过的数据比较',
            'zh-Hant': 'batch：僅在本次執行內去重；workflow：也與先前執行中出現過的資料比較',
          },
        }),
      ),
    historySize: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(10_000)
      .meta(
        paramMeta({
          title: { en: 'History size', 'zh-Hans': '历史记录上限', 'zh-Hant': '歷史記錄上限' },
          description: {
            en: 'Most keys remembered across runs (scope workflow); the oldest are forgotten first',
            'zh-Hans': '跨运行最多记住的键数（workflow 范围）；最早的先被遗忘',
            'zh-Hant': '跨執行最多記住的鍵數（workflow 範圍）；最早的先被遺忘',
          },
        }),
      ),
  }),
  async run(ctx) {
    const { fields, scope, historySize } = ctx.params;
    const items = ctx.input.main ?? [];
    if (scope === 'batch') return firstOfEach(items, fields, new Set()).kept;

    const { history, readable } = await loadHistory(ctx.state, ctx.executionId);
    if (!readable) ctx.log.warn('Stored dedupe history was unreadable and has been reset');
    const seen = new Set(history.runs.flatMap((run) => run.keys));
    const { kept, keys } = firstOfEach(items, fields, seen);
    await saveHistory(ctx.state, history, ctx.executionId, keys, historySize);
    return kept;
  },
});

/** Items whose key is not in `seen`, first occurrence wins; `keys` are the keys they added. */
function firstOfEach(items: Item[], fields: string[], seen: Set<string>): { kept: Item[]; keys: string[] } {
  const kept: Item[] = [];
  const keys: string[] = [];
  for (const item of items) {
    const key = fingerprint(item, fields);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
    kept.push(item);
  }
  return { kept, keys };
}

/** A short digest keeps the remembered history small whatever the size of the items. */
function fingerprint(item: Item, fields: string[]): string {
  const identity = fields.length === 0 ? item : fields.map((field) => getPath(item, field) ?? null);
  return createHash('sha256').update(canonicalJson(identity)).digest('base64url').slice(0, 22);
}
