import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { notify, notifyError } from '../app/notices';
import { useListed } from '../app/use-listed';
import { formatShortDateTime } from '../i18n/format';
import { textOfValue, valueFromText, variableKeyPattern } from './variable-text';
import './variables.css';

/** Workspace variables: each workflow reads them as `$vars.<name>` from its next run on. */
export function VariablesPage() {
  const { t, i18n } = useTranslation();
  const { items, reload } = useListed(api.listVariables);
  const [key, setKey] = useState('');
  const [text, setText] = useState('');
  const keyInvalid = key !== '' && !variableKeyPattern.test(key);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!variableKeyPattern.test(key)) return;
    try {
      await api.setVariable(key, valueFromText(text));
      notify('info', t('variables.saved', { key }));
      setKey('');
      setText('');
      await reload();
    } catch (error) {
      notifyError(error);
    }
  };
  const remove = async (name: string) => {
    try {
      await api.deleteVariable(name);
      notify('info', t('variables.removed', { key: name }));
      await reload();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <section className="page variables" data-testid="variables-page">
      <div className="page-head">
        <h1>{t('variables.title')}</h1>
      </div>
      <p className="muted">{t('variables.intro', { example: '$vars.name' })}</p>
      <form className="variable-form" onSubmit={(event) => void save(event)}>
        <label className={`field ${keyInvalid ? 'field-invalid' : ''}`}>
          <span className="field-label">{t('variables.key')}</span>
          <input
            type="text"
            value={key}
            data-testid="variable-key"
            aria-invalid={keyInvalid}
            onChange={(event) => setKey(event.target.value.trim())}
          />
        </label>
        <label className="field variable-value">
          <span className="field-label">{t('variables.value')}</span>
          <input
            type="text"
            value={text}
            data-testid="variable-value"
            placeholder={t('variables.valueHint')}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="variable-save" disabled={!key || keyInvalid}>
          {t('variables.save')}
        </button>
      </form>
      {keyInvalid ? (
        <p className="field-error" data-testid="variable-key-error">
          {t('variables.badKey')}
        </p>
      ) : null}
      {items === undefined ? <p className="muted">{t('common.loading')}</p> : null}
      {items?.length === 0 ? (
        <p className="empty" data-testid="variables-empty">
          {t('variables.empty')}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <table className="table" data-testid="variables-table">
          <thead>
            <tr>
              <th>{t('variables.key')}</th>
              <th>{t('variables.value')}</th>
              <th>{t('variables.updated')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key} data-testid={`variable-row-${item.key}`}>
                <td>
                  <code>$vars.{item.key}</code>
                </td>
                <td className="variable-text">{textOfValue(item.value)}</td>
                <td className="muted">{formatShortDateTime(item.updatedAt, i18n.language)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="link"
                    data-testid={`variable-edit-${item.key}`}
                    onClick={() => {
                      setKey(item.key);
                      setText(textOfValue(item.value));
                    }}
                  >
                    {t('variables.edit')}
                  </button>
                  <button
                    type="button"
                    className="link danger"
                    data-testid={`variable-delete-${item.key}`}
                    onClick={() => void remove(item.key)}
                  >
                    {t('variables.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
