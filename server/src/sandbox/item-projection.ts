import type { Item } from '@sbss/sdk';
import { itemsJson } from '../engine/items-json.js';
import type { Template } from './expression-parser.js';

/**
 * `$json.name`, `$json?.name` or `$input.item.json.name`: a read of one top-level field of the
 * current item.
 */
const fieldRead = /(?:\$json|\$input\s*\.\s*item\s*\.\s*json)\s*(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)/g;
/**
 * Other ways to the whole item: `$json` itself (`$json[key]`, `Object.keys($json)`), `$items`,
 * `$input`, `arguments` (the scope is a function's parameters), `eval` and `Function`, and
 * identifier escapes (`\u0024json`).
 */
const wholeItem = /\$json|\$items|\$input|\barguments\b|\beval\b|\bFunction\b|\\u/;

/**
 * The items as the expressions see them, as JSON. When every expression reads the current item
 * only as `$json.field`, each item goes with just those fields: a condition on
 * `$json.sentiment.label` copies one field of 2,000 mentions into the isolate, not 2,000 mentions.
 * The results are the same, as a field the item lacks reads as `undefined` either way.
 */
export function itemsForExpressions(items: readonly Item[], templates: Template[]): string {
  const fields = new Set<string>();
  for (const template of templates) {
    for (let k = 1; k < template.parts.length; k += 2) {
      const source = template.parts[k] as string;
      for (const match of source.matchAll(fieldRead)) fields.add(match[1] as string);
      if (wholeItem.test(source.replace(fieldRead, ''))) return itemsJson(items);
    }
  }
  const names = [...fields];
  return JSON.stringify(
    items.map((item) => {
      const projected: Record<string, unknown> = {};
      for (const name of names) if (Object.hasOwn(item, name)) projected[name] = item[name];
      return projected;
    }),
  );
}
