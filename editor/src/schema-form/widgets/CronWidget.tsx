import { useTranslation } from 'react-i18next';
import { isCron } from '../validate-params';
import type { WidgetProps } from './widget-props';

const presets = [
  { cron: '* * * * *', key: 'everyMinute' },
  { cron: '0 * * * *', key: 'hourly' },
  { cron: '0 9 * * *', key: 'daily9' },
  { cron: '0 9 * * 1-5', key: 'weekdays9' },
  { cron: '0 9 * * 1', key: 'monday9' },
] as const;

export function CronWidget({ label, value, onChange, testId }: WidgetProps) {
  const { t } = useTranslation();
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="cron">
      <input
        type="text"
        className="mono"
        data-testid={testId}
        aria-label={label}
        placeholder="0 9 * * 1-5"
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
      <select
        aria-label={t('cron.presets')}
        data-testid={`${testId}-preset`}
        value=""
        onChange={(event) => event.target.value && onChange(event.target.value)}
      >
        <option value="">{t('cron.presets')}</option>
        {presets.map((preset) => (
          <option key={preset.cron} value={preset.cron}>
            {t(`cron.${preset.key}`)}
          </option>
        ))}
      </select>
      {text && !isCron(text) ? null : <small className="muted">{t('cron.hint')}</small>}
    </div>
  );
}
