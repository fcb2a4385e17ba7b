/**
 * Keyboard shortcuts of the canvas. `mod` is Ctrl, or ⌘ on macOS. Copy and paste are not here:
 * they go through the browser's copy/paste events so the system clipboard is used.
 */
export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'selectAll'
  | 'delete'
  | 'toggleDisabled'
  | 'layout'
  | 'fitView'
  | 'save'
  | 'run'
  | 'addSticky';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export const shortcutList: { keys: string; action: ShortcutAction }[] = [
  { keys: 'Mod+Z', action: 'undo' },
  { keys: 'Mod+Shift+Z / Mod+Y', action: 'redo' },
  { keys: 'Mod+A', action: 'selectAll' },
  { keys: 'Delete / Backspace', action: 'delete' },
  { keys: 'D', action: 'toggleDisabled' },
  { keys: 'Shift+L', action: 'layout' },
  { keys: '1', action: 'fitView' },
  { keys: 'Mod+S', action: 'save' },
  { keys: 'Mod+Enter', action: 'run' },
  { keys: 'Shift+S', action: 'addSticky' },
];

export function shortcutFor(event: KeyInput): ShortcutAction | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'a') return 'selectAll';
    if (key === 's') return 'save';
    if (key === 'enter') return 'run';
    return undefined;
  }
  if (event.altKey) return undefined;
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (event.shiftKey && key === 'l') return 'layout';
  if (event.shiftKey && key === 's') return 'addSticky';
  if (!event.shiftKey && key === 'd') return 'toggleDisabled';
  if (!event.shiftKey && key === '1') return 'fitView';
  return undefined;
}

/** Keys typed into a field belong to the field, not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(type);
}
