import { useTranslation } from 'react-i18next';
import type { TemplateCredential } from '../api/contract';

/** The credentials a template's nodes name, which the user creates before the first run. */
export function CredentialList({ credentials }: { credentials: readonly TemplateCredential[] }) {
  const { t } = useTranslation();
  if (credentials.length === 0) return <p className="muted small">{t('templates.noCredentials')}</p>;
  return (
    <div className="template-credentials">
      <span className="small">{t('templates.credentials')}</span>
      <ul>
        {credentials.map((credential) => (
          <li
            key={credential.name}
            title={credential.description}
            data-testid={`template-credential-${credential.name}`}
          >
            <code>{credential.name}</code> <span className="tag">{credential.type}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
