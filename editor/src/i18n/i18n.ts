import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLocale } from './locales';
import { en } from './messages-en';
import { zhHans } from './messages-zh-hans';
import { zhHant } from './messages-zh-hant';

export const resources = {
  en: { translation: en },
  'zh-Hans': { translation: zhHans },
  'zh-Hant': { translation: zhHant },
};

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

/** Starts i18next once; React components then read it through `useTranslation`. */
export function initI18n(locale = initialLocale()) {
  if (i18next.isInitialized) return i18next;
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-Hans', 'zh-Hant'],
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
