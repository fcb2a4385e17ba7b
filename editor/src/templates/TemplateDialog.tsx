import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplateGallery } from './TemplateGallery';
import { TemplateParamsForm } from './TemplateParamsForm';
import type { TemplateChoice } from './template-file';
import './templates.css';

interface Props {
  /** A template file being imported: its form opens directly. Without it the gallery opens. */
  imported: TemplateChoice | undefined;
  onClose: () => void;
}

export function TemplateDialog({ imported, onClose }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<TemplateChoice | undefined>(imported);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="template-dialog-title"
        data-testid="template-dialog"
      >
        <div className="dialog-head">
          <h2 id="template-dialog-title">{t('templates.title')}</h2>
          <button
            type="button"
            className="link"
            data-testid="template-close"
            onClick={onClose}
            aria-label={t('common.close')}
          >
            ×
          </button>
        </div>
        {chosen ? (
          <TemplateParamsForm
            choice={chosen}
            onBack={imported ? undefined : () => setChosen(undefined)}
            onCancel={onClose}
          />
        ) : (
          <TemplateGallery onChoose={({ id, ...info }) => setChosen({ info, source: { name: id } })} />
        )}
      </div>
    </div>
  );
}
