import type { Locale } from '../api/contract';

export const locales: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en'];

/** Each language named in itself, as a language menu shows it. */
export const localeNames: Record<Locale, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};

const storageKey = 'sbss.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The saved choice, else the browser's language mapped to a script, else English. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(storageKey);
  if (isLocale(saved)) return saved;
  const browser = globalThis.navigator?.language ?? 'en';
  if (/^zh-(TW|HK|MO|Hant)/i.test(browser)) return 'zh-Hant';
  if (/^zh/i.test(browser)) return 'zh-Hans';
  return 'en';
}

export function saveLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(storageKey, locale);
}
