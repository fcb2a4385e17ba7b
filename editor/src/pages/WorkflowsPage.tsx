import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { navigate } from '../app/hash-route';
import { notify, notifyError } from '../app/notices';
import { StatusBadge } from '../app/StatusBadge';
import { useListed } from '../app/use-listed';
import { formatDateTime } from '../i18n/format';
import { TemplateDialog } from '../templates/TemplateDialog';
import type { TemplateChoice } from '../templates/template-file';
import { downloadText, exportText, fileNameFor, readImportFile, toInput } from './workflow-file';

export function WorkflowsPage() {
  const { t, i18n } = useTranslation();
  const { items, reload } = useListed(api.listWorkflows);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | undefined>();
  const [templates, setTemplates] = useState<{ imported: TemplateChoice | undefined }>();
  const closeTemplates = useCallback(() => setTemplates(undefined), []);
  const fileInput = useRef<HTMLInputElement>(null);

  const act = (work: () => Promise<unknown>) => async () => {
    try {
      await work();
      await reload();
    } catch (error) {
      notifyError(error);
    }
  };

  const create = act(async () => {
    const created = await api.createWorkflow(
      toInput({ name: t('workflows.untitled'), nodes: [], edges: [], stickyNotes: [], settings: {} }),
    );
    navigate({ page: 'editor', workflowId: created.id });
  });

  const rename = async (id: string, name: string) => {
    setRenaming(undefined);
    if (!name.trim()) return;
    await act(async () => {
      const workflow = await api.getWorkflow(id);
      await api.updateWorkflow(id, toInput({ ...workflow, name: name.trim() }));
    })();
  };

  const importFile = async (file: File) => {
    try {
      const imported = readImportFile(await file.text(), file.name.replace(/\.json$/i, ''));
      if (imported.kind === 'template') {
        setTemplates({ imported: imported.choice });
        return;
      }
      const created = await api.createWorkflow(imported.input);
      notify('info', t('workflows.imported', { name: imported.input.name }));
      navigate({ page: 'editor', workflowId: created.id });
    } catch (error) {
      notifyError(
        error instanceof Error && !('code' in error)
          ? new Error(t('workflows.importFailed', { reason: error.message }))
          : error,
      );
    }
  };

  return (
    <section className="page workflows" data-testid="workflows-page">
      <div className="page-head">
        <h1>{t('workflows.title')}</h1>
        <div className="actions">
          <button type="button" className="primary" data-testid="workflow-create" onClick={create}>
            {t('workflows.create')}
          </button>
          <button
            type="button"
            data-testid="workflow-from-template"
            onClick={() => setTemplates({ imported: undefined })}
          >
            {t('templates.open')}
          </button>
          <button type="button" data-testid="workflow-import" onClick={() => fileInput.current?.click()}>
            {t('workflows.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="workflow-import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
      </div>
      {templates ? <TemplateDialog imported={templates.imported} onClose={closeTemplates} /> : null}
      {items === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty" data-testid="workflows-empty">
          {t('workflows.empty')}
        </p>
      ) : (
        <table className="table" data-testid="workflows-table">
          <thead>
            <tr>
              <th>{t('workflows.name')}</th>
              <th>{t('workflows.active')}</th>
              <th>{t('workflows.version')}</th>
              <th>{t('workflows.updated')}</th>
              <th>{t('workflows.lastRun')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid={`workflow-row-${item.id}`} data-name={item.name}>
                <td>
                  {renaming?.id === item.id ? (
                    <input
                      // biome-ignore lint/a11y/noAutofocus: the rename field appears because the user asked for it
                      autoFocus
                      data-testid="workflow-rename-input"
                      value={renaming.name}
                      onChange={(event) => setRenaming({ id: item.id, name: event.target.value })}
                      onBlur={() => void rename(item.id, renaming.name)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') void rename(item.id, renaming.name);
                        if (event.key === 'Escape') setRenaming(undefined);
                      }}
                    />
                  ) : (
                    <a href={`#/workflows/${encodeURIComponent(item.id)}`} data-testid="workflow-open">
                      {item.name}
                    </a>
                  )}
                </td>
                <td>
                  <label className="switch">
                    <input
                      type="checkbox"
                      data-testid="workflow-active"
                      checked={item.active}
                      onChange={act(() => (item.active ? api.deactivate(item.id) : api.activate(item.id)))}
                    />
                    <span>{item.active ? t('workflows.on') : t('workflows.off')}</span>
                  </label>
                </td>
                <td>{item.version}</td>
                <td>{formatDateTime(item.updatedAt, i18n.language)}</td>
                <td>
                  {item.lastExecution ? (
                    <>
                      <StatusBadge status={item.lastExecution.status} testId="workflow-last-status" />{' '}
                      <span className="muted">
                        {formatDateTime(
                          item.lastExecution.startedAt ?? item.lastExecution.createdAt,
                          i18n.language,
                        )}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{t('workflows.neverRun')}</span>
                  )}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="link"
                    data-testid="workflow-rename"
                    onClick={() => setRenaming({ id: item.id, name: item.name })}
                  >
                    {t('workflows.rename')}
                  </button>
                  <button
                    type="button"
                    className="link"
                    data-testid="workflow-duplicate"
                    onClick={act(async () => {
                      const workflow = await api.getWorkflow(item.id);
                      await api.createWorkflow(
                        toInput({ ...workflow, name: t('workflows.copyOf', { name: workflow.name }) }),
                      );
                    })}
                  >
                    {t('workflows.duplicate')}
                  </button>
                  <button
                    type="button"
                    className="link"
                    data-testid="workflow-export"
                    onClick={act(async () => {
                      const workflow = await api.getWorkflow(item.id);
                      downloadText(fileNameFor(workflow.name), exportText(workflow));
                    })}
                  >
                    {t('workflows.export')}
                  </button>
                  <button
                    type="button"
                    className="link danger"
                    data-testid="workflow-delete"
                    onClick={() => {
                      if (window.confirm(t('workflows.confirmDelete', { name: item.name })))
                        void act(() => api.deleteWorkflow(item.id))();
                    }}
                  >
                    {t('workflows.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
