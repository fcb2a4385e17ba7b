import { useTranslation } from 'react-i18next';
import { useFormContext } from '../form-context';
import type { WidgetProps } from './widget-props';

export function CredentialWidget({ field, label, value, onChange, testId }: WidgetProps) {
  const { t } = useTranslation();
  const { credentials, credentialTypes } = useFormContext();
  const accepted = field.credentialType ? [field.credentialType] : credentialTypes;
  const choices = accepted.length ? credentials.filter((c) => accepted.includes(c.type)) : credentials;
  return (
    <select
      data-testid={testId}
      aria-label={label}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.target.value || undefined)}
    >
      <option value="">{choices.length ? t('form.chooseCredential') : t('form.noCredentials')}</option>
      {choices.map((credential) => (
        <option key={credential.id} value={credential.id}>
          {credential.name} ({credential.type})
        </option>
      ))}
    </select>
  );
}
