import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StickyFlowNode } from '../workflow/flow-graph';
import { useCanvasContext } from './canvas-context';

function StickyNoteViewInner({ id, data, selected }: NodeProps<StickyFlowNode>) {
  const { t } = useTranslation();
  const { store } = useCanvasContext();
  return (
    <div
      className="sticky"
      data-testid={`sticky-${id}`}
      style={data.color ? { background: data.color } : undefined}
    >
      <NodeResizer isVisible={selected ?? false} minWidth={120} minHeight={60} />
      <textarea
        className="nodrag nowheel"
        aria-label={t('canvas.stickyText')}
        data-testid={`sticky-text-${id}`}
        value={data.text}
        placeholder={t('canvas.stickyPlaceholder')}
        onChange={(event) => store.updateSticky(id, event.target.value)}
      />
    </div>
  );
}

export const StickyNoteView = memo(StickyNoteViewInner);
