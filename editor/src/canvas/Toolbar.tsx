import { useTranslation } from 'react-i18next';
import { useCanvasState } from './canvas-context';
import type { ShortcutAction } from './shortcuts';

export type ToolbarAction = ShortcutAction | 'copy' | 'paste';

interface ToolbarProps {
  name: string;
  version: number | undefined;
  active: boolean;
  busy: 'saving' | 'running' | undefined;
  readOnly: boolean;
  onRename: (name: string) => void;
  onAction: (action: ToolbarAction) => void;
  onToggleActive: () => void;
}

export function Toolbar({
  name,
  version,
  active,
  busy,
  readOnly,
  onRename,
  onAction,
  onToggleActive,
}: ToolbarProps) {
  const { t } = useTranslation();
  const canUndo = useCanvasState((s) => s.canUndo);
  const canRedo = useCanvasState((s) => s.canRedo);
  const dirty = useCanvasState((s) => s.dirty);
  const button = (action: ToolbarAction, label: string, disabled = false, title?: string) => (
    <button
      type="button"
      data-testid={`toolbar-${action}`}
      disabled={disabled || readOnly}
      title={title}
      onClick={() => onAction(action)}
    >
      {label}
    </button>
  );
  return (
    <div className="toolbar" data-testid="toolbar">
      <input
        className="workflow-name"
        data-testid="workflow-name"
        aria-label={t('workflows.name')}
        value={name}
        disabled={readOnly}
        onChange={(event) => onRename(event.target.value)}
      />
      <span className="muted" data-testid="workflow-version">
        {version !== undefined ? `v${version}` : ''}
      </span>
      {dirty ? (
        <span className="tag" data-testid="workflow-dirty">
          {t('editor.unsaved')}
        </span>
      ) : null}
      <div className="toolbar-group">
        {button('undo', t('toolbar.undo'), !canUndo, 'Ctrl+Z')}
        {button('redo', t('toolbar.redo'), !canRedo, 'Ctrl+Shift+Z')}
        {button('copy', t('toolbar.copy'), false, 'Ctrl+C')}
        {button('paste', t('toolbar.paste'), false, 'Ctrl+V')}
        {button('delete', t('toolbar.delete'), false, 'Delete')}
        {button('toggleDisabled', t('toolbar.disable'), false, 'D')}
        {button('addSticky', t('toolbar.sticky'), false, 'Shift+S')}
        {button('layout', t('toolbar.layout'), false, 'Shift+L')}
        {button('fitView', t('toolbar.fit'), false, '1')}
      </div>
      <div className="toolbar-group right">
        <label className="switch">
          <input
            type="checkbox"
            data-testid="workflow-active-toggle"
            checked={active}
            onChange={onToggleActive}
          />
          <span>{active ? t('workflows.on') : t('workflows.off')}</span>
        </label>
        <button
          type="button"
          className="primary"
          data-testid="toolbar-save"
          disabled={readOnly || busy !== undefined}
          onClick={() => onAction('save')}
          title="Ctrl+S"
        >
          {busy === 'saving' ? t('editor.saving') : t('editor.save')}
        </button>
      </div>
    </div>
  );
}
