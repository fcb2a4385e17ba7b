import type { Item } from '@sbss/sdk';

/** The words of a mention that scoring reads: its title (when any) and its text. */
export function mentionText(item: Item): string {
  const text = typeof item.text === 'string' ? item.text : '';
  return typeof item.title === 'string' && item.title !== '' ? `${item.title}\n${text}` : text;
}

export function mentionLang(item: Item): string | undefined {
  return typeof item.lang === 'string' ? item.lang : undefined;
}
