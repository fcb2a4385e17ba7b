import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isExpression } from '../expression/template';

interface WebhookUrlProps {
  path: unknown;
  method: unknown;
  /** Whether the workflow is active, which is when the server listens at the URL. */
  active: boolean;
  /** Whether the editor waits for a call to the test URL, and how to start and stop that. */
  listening: boolean;
  onListen: () => void;
  onStopListening: () => void;
}

/**
 * Where a webhook trigger listens, to copy into the tool that will call it, and its test URL,
 * which takes one call while the editor listens, as n8n's "listen for test event" does.
 */
export function WebhookUrl({ path, method, active, listening, onListen, onStopListening }: WebhookUrlProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string>();
  // A path from an expression is only known when the workflow is activated.
  if (isExpression(path) || typeof path !== 'string') return null;
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return null;
  const verb = typeof method === 'string' ? method : 'POST';
  const url = `${window.location.origin}/hooks/${trimmed}`;
  const testUrl = `${window.location.origin}/hooks-test/${trimmed}`;
  const copy = (text: string) =>
    navigator.clipboard?.writeText(text).then(
      () => setCopied(text),
      () => setCopied(undefined),
    );
  /** A URL under its label, with a button that copies it. */
  const urlRow = (label: string, url: string, testId: string) => (
    <>
      <div className="webhook-url-head">
        <span>{label}</span>
        <button type="button" className="link" data-testid={`${testId}-copy`} onClick={() => void copy(url)}>
          {copied === url ? t('webhook.copied') : t('webhook.copy')}
        </button>
      </div>
      <code data-testid={`${testId}-text`}>
        {verb} {url}
      </code>
    </>
  );
  return (
    <div className="webhook-url" data-testid="webhook-url">
      {urlRow(t('webhook.url'), url, 'webhook-url')}
      <small className="muted" data-testid="webhook-url-state">
        {active ? t('webhook.live') : t('webhook.inactive')}
      </small>
      {urlRow(t('webhook.testUrl'), testUrl, 'webhook-test-url')}
      {listening ? (
        <div className="webhook-url-head">
          <small className="muted" data-testid="webhook-listening">
            {t('webhook.listening')}
          </small>
          <button type="button" data-testid="webhook-stop" onClick={onStopListening}>
            {t('webhook.stop')}
          </button>
        </div>
      ) : (
        <button type="button" data-testid="webhook-listen" onClick={onListen}>
          {t('webhook.listen')}
        </button>
      )}
    </div>
  );
}
