import { decodeHTML } from 'entities';

/** Feed bodies are HTML; mentions are plain text. Block elements become line breaks. */
export function htmlToText(html: string): string {
  const withoutHidden = html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  const withBreaks = withoutHidden.replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n');
  const text = decodeHTML(withBreaks.replace(/<[^>]*>/g, ''));
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
