import { useTranslation } from 'react-i18next';
import { isLocale, localeNames, locales, saveLocale } from '../i18n/locales';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="sr-only">{t('app.language')}</span>
      <select
        data-testid="language-switcher"
        value={i18n.language}
        onChange={(event) => {
          const locale = event.target.value;
          if (!isLocale(locale)) return;
          saveLocale(locale);
          void i18n.changeLanguage(locale);
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
