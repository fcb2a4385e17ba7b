import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Workflow, WorkflowVersion } from '../api/contract';
import { notifyError } from '../app/notices';
import { formatDateTime } from '../i18n/format';

interface VersionsPanelProps {
  workflowId: string;
  current: number;
  onView: (workflow: Workflow) => void;
  onRestore: (workflow: Workflow) => void;
}

export function VersionsPanel({ workflowId, current, onView, onRestore }: VersionsPanelProps) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<WorkflowVersion[]>([]);

  useEffect(() => {
    void current;
    api
      .listVersions(workflowId)
      .then((list) => setVersions([...list.items].sort((a, b) => b.version - a.version)))
      .catch(notifyError);
  }, [workflowId, current]);

  const withVersion = (version: number, use: (workflow: Workflow) => void) => () => {
    api.getVersion(workflowId, version).then(use).catch(notifyError);
  };

  return (
    <section className="panel versions-panel" data-testid="versions-panel">
      <h2>{t('versions.title')}</h2>
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v.version} data-testid={`version-row-${v.version}`}>
            <b>v{v.version}</b>
            {v.version === current ? <span className="tag">{t('versions.current')}</span> : null}
            <span className="muted">{formatDateTime(v.createdAt, i18n.language)}</span>
            <button
              type="button"
              className="link"
              data-testid={`version-view-${v.version}`}
              onClick={withVersion(v.version, onView)}
            >
              {t('versions.view')}
            </button>
            {v.version !== current ? (
              <button
                type="button"
                className="link"
                data-testid={`version-restore-${v.version}`}
                onClick={withVersion(v.version, onRestore)}
              >
                {t('versions.restore')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
