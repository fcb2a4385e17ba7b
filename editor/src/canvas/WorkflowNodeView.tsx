import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeTypeInfo } from '../api/contract';
import { StatusBadge } from '../app/StatusBadge';
import { formatDuration, formatNumber } from '../i18n/format';
import type { WorkflowFlowNode } from '../workflow/flow-graph';
import { localize } from '../workflow/node-catalog';
import { useCanvasContext } from './canvas-context';

function spread(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

function portLabel(
  nodeType: NodeTypeInfo | undefined,
  side: 'inputs' | 'outputs',
  port: string,
  locale: string,
) {
  const title = nodeType?.[side][port]?.title;
  return title ? localize(title, locale) : port;
}

function WorkflowNodeViewInner({ id, data, selected }: NodeProps<WorkflowFlowNode>) {
  const { t, i18n } = useTranslation();
  const { catalog, run, problems } = useCanvasContext();
  const { spec } = data;
  const nodeType = catalog.get(spec.type);
  const info = run.get(id);
  const nodeProblems = problems.get(id) ?? [];
  // A node with warnings only (a lower-case `and` in a query) still runs: it is marked apart.
  const warningsOnly = nodeProblems.length > 0 && nodeProblems.every((p) => p.severity === 'warning');
  const title = nodeType ? localize(nodeType.title, i18n.language) : spec.type;
  const inputs = nodeType ? Object.keys(nodeType.inputs) : ['main'];
  const outputs = nodeType ? Object.keys(nodeType.outputs) : ['main'];
  const classes = [
    'wf-node',
    `category-${nodeType?.category ?? 'unknown'}`,
    selected ? 'selected' : '',
    spec.disabled ? 'disabled' : '',
    nodeProblems.length ? (warningsOnly ? 'has-warnings' : 'has-problems') : '',
    info ? `run-${info.status}` : '',
  ];
  return (
    <div
      className={classes.join(' ')}
      data-testid={`node-${id}`}
      data-node-name={spec.name ?? id}
      data-node-type={spec.type}
      style={{ minHeight: Math.max(inputs.length, outputs.length) * 22 + 30 }}
    >
      {inputs.map((port, index) => (
        <Handle
          key={`in-${port}`}
          id={port}
          type="target"
          position={Position.Left}
          style={{ top: spread(index, inputs.length) }}
          data-testid={`handle-${id}-in-${port}`}
          title={portLabel(nodeType, 'inputs', port, i18n.language)}
        />
      ))}
      <div className="wf-node-head">
        <span className="wf-node-title">{spec.name ?? title}</span>
        {nodeType?.trigger ? <span className="tag">{t('canvas.trigger')}</span> : null}
        {spec.disabled ? <span className="tag">{t('canvas.disabled')}</span> : null}
      </div>
      {spec.name && spec.name !== title ? <div className="wf-node-type">{title}</div> : null}
      {!nodeType ? <div className="wf-node-warning">{t('canvas.unknownType')}</div> : null}
      {info ? (
        <div className="wf-node-run" data-testid={`node-run-${id}`}>
          <StatusBadge status={info.status} testId={`node-status-${id}`} />
          {info.durationMs !== undefined ? (
            <span className="muted" data-testid={`node-duration-${id}`}>
              {formatDuration(info.durationMs, i18n.language)}
            </span>
          ) : null}
        </div>
      ) : null}
      {nodeProblems.length ? (
        <div
          className={warningsOnly ? 'wf-node-problems wf-node-warnings' : 'wf-node-problems'}
          data-testid={`node-problems-${id}`}
          title={nodeProblems.map((p) => p.message).join('\n')}
        >
          {t(warningsOnly ? 'canvas.warnings' : 'canvas.problems', { count: nodeProblems.length })}
        </div>
      ) : null}
      {outputs.map((port, index) => (
        <div key={`out-${port}`}>
          <Handle
            id={port}
            type="source"
            position={Position.Right}
            style={{ top: spread(index, outputs.length) }}
            data-testid={`handle-${id}-out-${port}`}
            title={portLabel(nodeType, 'outputs', port, i18n.language)}
          />
          {outputs.length > 1 || info?.counts[port] !== undefined ? (
            <span className="port-label" style={{ top: spread(index, outputs.length) }}>
              {outputs.length > 1 ? portLabel(nodeType, 'outputs', port, i18n.language) : ''}
              {info?.counts[port] !== undefined ? (
                <b data-testid={`node-count-${id}-${port}`}>
                  {' '}
                  {formatNumber(info.counts[port] ?? 0, i18n.language)}
                </b>
              ) : null}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}

export const WorkflowNodeView = memo(WorkflowNodeViewInner);
