import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isExpression } from '../expression/template';

interface WebhookUrlProps {
  path: unknown;
  method: unknown;
  /** Whether the workflow is active, which is when the server listens at the URL. */
  active: boolean;
}

/** Where a webhook trigger listens, to copy into the tool that will call it. */
export function WebhookUrl({ path, method, active }: WebhookUrlProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // A path from an expression is only known when the workflow is activated.
  if (isExpression(path) || typeof path !== 'string') return null;
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return null;
  const url = `${window.location.origin}/hooks/${trimmed}`;
  const copy = () =>
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="webhook-url" data-testid="webhook-url">
      <div className="webhook-url-head">
        <span>{t('webhook.url')}</span>
        <button type="button" className="link" data-testid="webhook-url-copy" onClick={() => void copy()}>
          {copied ? t('webhook.copied') : t('webhook.copy')}
        </button>
      </div>
      <code data-testid="webhook-url-text">
        {typeof method === 'string' ? method : 'POST'} {url}
      </code>
      <small className="muted" data-testid="webhook-url-state">
        {active ? t('webhook.live') : t('webhook.inactive')}
      </small>
    </div>
  );
}
