import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { TemplateSummary } from '../api/contract';
import { notifyError } from '../app/notices';
import { CredentialList } from './CredentialList';

/** The bundled templates as cards; choosing one opens its parameter form. */
export function TemplateGallery({ onChoose }: { onChoose: (template: TemplateSummary) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<TemplateSummary[] | undefined>();

  useEffect(() => {
    let current = true;
    api.listTemplates().then(
      (answer) => current && setItems(answer.items),
      (error: unknown) => {
        notifyError(error);
        if (current) setItems([]);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  if (items === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="empty">{t('templates.empty')}</p>;
  return (
    <ul className="template-gallery" data-testid="template-gallery">
      {items.map((item) => (
        <li key={item.id} className="template-card">
          <button type="button" data-testid={`template-card-${item.id}`} onClick={() => onChoose(item)}>
            <strong>{item.name}</strong>
            <span className="muted small">{item.description}</span>
          </button>
          <CredentialList credentials={item.credentials} />
        </li>
      ))}
    </ul>
  );
}
