import type { Locale, LocalizedText, NodeTypeInfo } from '../api/contract';

/** Palette order: where a workflow starts, what it does, then plumbing. */
export const categoryOrder = [
  'trigger',
  'listening',
  'scoring',
  'crm',
  'reporting',
  'notify',
  'flow',
  'data',
];

export function localize(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale as Locale] ?? text.en;
}

function allTexts(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string'
    ? [text]
    : Object.values(text).filter((v): v is string => typeof v === 'string');
}

/** Matches a search in any language, so "情感" and "sentiment" find the same node. */
export function matchesSearch(nodeType: NodeTypeInfo, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    nodeType.type,
    nodeType.category,
    ...allTexts(nodeType.title),
    ...allTexts(nodeType.description),
  ];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

export interface CategoryGroup {
  category: string;
  types: NodeTypeInfo[];
}

export function groupByCategory(types: NodeTypeInfo[], search: string, locale: string): CategoryGroup[] {
  const groups = new Map<string, NodeTypeInfo[]>();
  for (const nodeType of types) {
    if (!matchesSearch(nodeType, search)) continue;
    const list = groups.get(nodeType.category) ?? [];
    list.push(nodeType);
    groups.set(nodeType.category, list);
  }
  const rank = (category: string) => {
    const index = categoryOrder.indexOf(category);
    return index === -1 ? categoryOrder.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, list]) => ({
      category,
      types: list.sort((a, b) => localize(a.title, locale).localeCompare(localize(b.title, locale), locale)),
    }));
}

export type Catalog = ReadonlyMap<string, NodeTypeInfo>;

export function toCatalog(types: NodeTypeInfo[]): Catalog {
  return new Map(types.map((nodeType) => [nodeType.type, nodeType]));
}
