import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CredentialSummary,
  Execution,
  ExpressionFunctions,
  Item,
  JsonValue,
  Problem,
} from '../api/contract';
import { useCanvasContext, useCanvasState } from '../canvas/canvas-context';
import { upstreamSample } from '../expression/upstream-sample';
import { NodeDetail } from '../run/NodeDetail';
import { lastStep, paramPath } from '../run/run-overlay';
import { FormContext, type FormContextValue } from '../schema-form/form-context';
import { SchemaForm } from '../schema-form/SchemaForm';
import { localize } from '../workflow/node-catalog';
import { fieldErrors } from './field-errors';
import { NodeSettings } from './NodeSettings';
import { WebhookUrl } from './WebhookUrl';

interface NodePanelProps {
  nodeId: string;
  credentials: CredentialSummary[];
  /** The workspace's variables, for `$vars` completion and previews. */
  vars: Record<string, JsonValue>;
  /** n8n's data transformation functions, for completion. */
  functions?: ExpressionFunctions | undefined;
  /** The workflow being edited, for `$workflow` in previews. */
  workflow: { id: string; name: string; version: number } | undefined;
  execution: Execution | undefined;
  problems: readonly Problem[];
  pinned: Item[] | undefined;
  /** Whether the workflow is active, which is when its webhook triggers listen. */
  active: boolean;
  /** The webhook trigger waiting for a test call, if any, and how to start and stop that. */
  listeningTo: string | undefined;
  onListen: (nodeId: string) => void;
  onStopListening: () => void;
  onClose: () => void;
}

type Tab = 'params' | 'settings' | 'data';

export function NodePanel({
  nodeId,
  credentials,
  vars,
  functions,
  workflow,
  execution,
  problems,
  pinned,
  active,
  listeningTo,
  onListen,
  onStopListening,
  onClose,
}: NodePanelProps) {
  const { t, i18n } = useTranslation();
  const { store, catalog } = useCanvasContext();
  const node = useCanvasState((s) => s.nodes.find((n) => n.id === nodeId));
  const nodes = useCanvasState((s) => s.nodes);
  const edges = useCanvasState((s) => s.edges);
  const [tab, setTab] = useState<Tab>(execution ? 'data' : 'params');
  const spec = node?.type === 'workflow' ? node.data.spec : undefined;
  const nodeType = spec ? catalog.get(spec.type) : undefined;
  const sample = useMemo(
    () => upstreamSample(nodeId, nodes, edges, { execution, pinned, vars, workflow, functions }),
    [nodeId, nodes, edges, execution, pinned, vars, workflow, functions],
  );
  const form: FormContextValue = useMemo(
    () => ({
      ...sample,
      credentials,
      credentialTypes: nodeType?.credentials ?? [],
      errors: fieldErrors(nodeType?.params, spec?.params ?? {}, problems, t),
    }),
    [sample, credentials, nodeType, spec?.params, problems, t],
  );
  if (!spec) return null;
  const title = nodeType ? localize(nodeType.title, i18n.language) : spec.type;
  // What is not about one param, such as params that could not be checked, heads the panel.
  const generalProblems = problems.filter((p) => !paramPath(p)?.length);
  return (
    <section className="panel node-panel" data-testid="node-panel" data-node-id={nodeId}>
      <header className="panel-head">
        <div>
          <h2>{title}</h2>
          <small className="muted">{spec.type}</small>
        </div>
        <button
          type="button"
          className="link"
          data-testid="node-panel-close"
          onClick={onClose}
          aria-label={t('common.close')}
        >
          ×
        </button>
      </header>
      <label className="field">
        <span>{t('node.name')}</span>
        <input
          type="text"
          data-testid="node-name"
          value={spec.name ?? ''}
          placeholder={title}
          onChange={(event) => store.updateSpec(nodeId, { name: event.target.value || undefined }, 'name')}
        />
      </label>
      {nodeType?.description ? (
        <p className="muted">{localize(nodeType.description, i18n.language)}</p>
      ) : null}
      {nodeType?.trigger === 'webhook' ? (
        <WebhookUrl
          path={spec.params?.path}
          method={spec.params?.method}
          active={active}
          listening={listeningTo === nodeId}
          onListen={() => onListen(nodeId)}
          onStopListening={onStopListening}
        />
      ) : null}
      {generalProblems.length ? (
        <ul className="problems" data-testid="node-panel-problems">
          {generalProblems.map((p) => (
            <li key={`${p.code}:${p.message}`} className={`problem-${p.severity}`}>
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="tabs">
        {(['params', 'settings', 'data'] as const).map((name) => (
          <button
            key={name}
            type="button"
            className={tab === name ? 'on' : ''}
            data-testid={`node-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`node.tab.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'params' ? (
        nodeType ? (
          <FormContext.Provider value={form}>
            <SchemaForm
              schema={nodeType.params}
              value={spec.params}
              onChange={(params, key) => store.updateSpec(nodeId, { params }, `params.${key}`)}
            />
          </FormContext.Provider>
        ) : (
          <p className="muted">{t('canvas.unknownType')}</p>
        )
      ) : null}
      {tab === 'settings' ? (
        <NodeSettings spec={spec} onChange={(patch, key) => store.updateSpec(nodeId, patch, key)} />
      ) : null}
      {tab === 'data' ? <NodeDetail step={lastStep(execution, nodeId)} /> : null}
    </section>
  );
}
