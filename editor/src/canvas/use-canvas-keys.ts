import { useReactFlow, type XYPosition } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../app/notices';
import { selectionToDocument } from '../workflow/clipboard';
import type { FlowEdge, FlowNode } from '../workflow/flow-graph';
import { parseGraph } from '../workflow/graph-shape';
import type { CanvasStore } from './canvas-store';
import { isTypingTarget, type ShortcutAction, shortcutFor } from './shortcuts';

interface KeyHandlers {
  store: CanvasStore;
  pointer: { current: XYPosition | undefined };
  onAction: (action: ShortcutAction) => void;
  enabled: boolean;
}

/** Binds keyboard shortcuts and the clipboard (as workflow JSON) to the canvas. */
export function useCanvasKeys({ store, pointer, onAction, enabled }: KeyHandlers) {
  const { t } = useTranslation();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  useEffect(() => {
    if (!enabled) return;
    const viewCenter = (): XYPosition => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    };
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      onAction(action);
    };
    const copy = (event: ClipboardEvent, cut: boolean) => {
      if (isTypingTarget(event.target)) return;
      const { nodes, edges } = store.getState();
      const doc = selectionToDocument(nodes, edges);
      if (doc.nodes.length === 0 && doc.stickyNotes.length === 0) return;
      event.preventDefault();
      event.clipboardData?.setData('text/plain', JSON.stringify(doc, null, 2));
      if (cut) store.removeSelected();
      notify('info', t('canvas.copied', { count: doc.nodes.length + doc.stickyNotes.length }));
    };
    const onCopy = (event: ClipboardEvent) => copy(event, false);
    const onCut = (event: ClipboardEvent) => copy(event, true);
    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const doc = parseGraph(text);
      if (!doc) {
        if (text.trim()) notify('error', t('canvas.pasteInvalid'));
        return;
      }
      event.preventDefault();
      store.paste(doc, pointer.current ?? viewCenter());
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [enabled, store, pointer, onAction, flow, t]);
}
