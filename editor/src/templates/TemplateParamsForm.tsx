import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { navigate } from '../app/hash-route';
import { notify, notifyError } from '../app/notices';
import { CredentialList } from './CredentialList';
import { problemsFromServer } from './install-errors';
import { ParamField } from './ParamField';
import { initialValues, type ParamProblem, type ParamValues, readValues } from './param-values';
import type { TemplateChoice } from './template-file';

interface Props {
  choice: TemplateChoice;
  /** Back to the gallery; absent for a template file, which has no gallery behind it. */
  onBack: (() => void) | undefined;
  onCancel: () => void;
}

/** The chosen template's parameters with their defaults; Install creates and opens the workflow. */
export function TemplateParamsForm({ choice, onBack, onCancel }: Props) {
  const { t } = useTranslation();
  const { info, source } = choice;
  const [values, setValues] = useState<ParamValues>(() => initialValues(info.parameters));
  const [problems, setProblems] = useState<Record<string, ParamProblem>>({});
  const [busy, setBusy] = useState(false);

  const change = (name: string, value: string | boolean) => {
    setValues((current) => ({ ...current, [name]: value }));
    // A field's message describes the value it was given; once edited, the next install judges it.
    setProblems(({ [name]: _, ...others }) => others);
  };

  const install = async (event: FormEvent) => {
    event.preventDefault();
    const read = readValues(info.parameters, values);
    setProblems(read.problems);
    if (Object.keys(read.problems).length > 0) return;
    setBusy(true);
    try {
      const created = await api.installTemplate(source, read.params);
      notify('info', t('templates.installed', { name: info.name }));
      navigate({ page: 'editor', workflowId: created.id });
    } catch (error) {
      const fromServer = problemsFromServer(error, info.parameters);
      if (fromServer) setProblems(fromServer);
      else notifyError(error);
      setBusy(false);
    }
  };

  return (
    <form className="template-form" data-testid="template-form" data-template={info.name} onSubmit={install}>
      <h3>
        {info.name}
        {'template' in source ? <span className="tag">{t('templates.fromFile')}</span> : null}
      </h3>
      {info.description ? <p className="muted">{info.description}</p> : null}
      <CredentialList credentials={info.credentials} />
      {info.credentials.length > 0 ? <p className="muted small">{t('templates.credentialsNote')}</p> : null}
      <h4>{t('templates.parameters')}</h4>
      {info.parameters.length === 0 ? <p className="muted">{t('templates.noParameters')}</p> : null}
      {info.parameters.map((parameter) => (
        <ParamField
          key={parameter.name}
          parameter={parameter}
          value={values[parameter.name] ?? ''}
          problem={problems[parameter.name]}
          onChange={(value) => change(parameter.name, value)}
        />
      ))}
      <div className="template-form-actions">
        {onBack ? (
          <button type="button" data-testid="template-back" onClick={onBack}>
            {t('templates.back')}
          </button>
        ) : (
          <button type="button" data-testid="template-cancel" onClick={onCancel}>
            {t('templates.cancel')}
          </button>
        )}
        <button type="submit" className="primary" data-testid="template-install" disabled={busy}>
          {busy ? t('templates.installing') : t('templates.install')}
        </button>
      </div>
    </form>
  );
}
