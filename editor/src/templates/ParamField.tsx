import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TemplateParameter } from '../api/contract';
import { inputOf, type ParamProblem } from './param-values';

interface Props {
  parameter: TemplateParameter;
  value: string | boolean;
  problem: ParamProblem | undefined;
  onChange: (value: string | boolean) => void;
}

function problemText(problem: ParamProblem | undefined, t: TFunction): string | undefined {
  if (!problem) return undefined;
  switch (problem.code) {
    case 'required':
      return t('templates.required');
    case 'notNumber':
      return t('templates.notNumber');
    case 'notJson':
      return t('templates.notJson', { reason: problem.reason });
    case 'server':
      return problem.message;
  }
}

export function ParamField({ parameter, value, problem, onChange }: Props) {
  const { t } = useTranslation();
  const input = inputOf(parameter);
  const error = problemText(problem, t);
  const { name } = parameter;
  const testId = `template-param-${name}`;
  const hint = input === 'list' ? t('templates.listHint') : input === 'json' ? t('templates.jsonHint') : '';
  const text = typeof value === 'string' ? value : '';
  return (
    <div className={`field${error ? ' field-invalid' : ''}`} data-testid={`template-field-${name}`}>
      <label className="field-label" htmlFor={testId}>
        <span>
          <code>{name}</code>
          {parameter.default === undefined ? <span className="required"> *</span> : null}
        </span>
        {hint ? <span className="muted small">{hint}</span> : null}
      </label>
      {parameter.description ? <span className="muted small">{parameter.description}</span> : null}
      {input === 'boolean' ? (
        <input
          id={testId}
          type="checkbox"
          data-testid={testId}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      ) : input === 'text' || input === 'number' ? (
        <input
          id={testId}
          type={input === 'number' ? 'number' : 'text'}
          step={input === 'number' ? 'any' : undefined}
          data-testid={testId}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <textarea
          id={testId}
          className="mono"
          rows={Math.min(10, Math.max(3, text.split('\n').length))}
          data-testid={testId}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error ? (
        <span className="field-error" data-testid={`template-param-error-${name}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
