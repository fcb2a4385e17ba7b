/**
 * Toolbar copy/paste. The system clipboard needs a permission the page may not have (and none
 * over plain HTTP), so the last copied text is also kept here as a fallback.
 */
let lastCopied = '';

export async function writeClipboard(text: string): Promise<void> {
  lastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The in-page copy above is enough to paste within this editor.
  }
}

export async function readClipboard(): Promise<string> {
  try {
    const text = await navigator.clipboard.readText();
    return text || lastCopied;
  } catch {
    return lastCopied;
  }
}
