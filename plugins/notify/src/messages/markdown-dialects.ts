/**
 * The robots each take a different Markdown subset. Input is written once in common Markdown
 * and adapted here.
 */

/** Feishu `lark_md` has bold, italics and links but no headings: a heading becomes a bold line. */
export function toLarkMd(markdown: string): string {
  return markdown.replace(/^#{1,6}\s+(.+)$/gm, '**$1**');
}

/**
 * Slack mrkdwn (api.slack.com, "Formatting text for app surfaces"): *bold*, <url|text> links, no
 * headings; &, < and > must be escaped as entities in text.
 */
export function toSlackMrkdwn(markdown: string): string {
  // Links are set aside behind private-use placeholders while the rest of the text is escaped.
  const links: string[] = [];
  const stashed = markdown.replace(
    /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g,
    (_, text: string, url: string) => {
      links.push(`<${url}|${escapeSlack(text)}>`);
      return `\uE000${links.length - 1}\uE001`;
    },
  );
  return escapeSlack(stashed)
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/^(\s*)[-*]\s+/gm, '$1• ')
    .replace(/\uE000(\d+)\uE001/g, (_, index: string) => links[Number(index)] ?? '');
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character, marking the cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes - 3) return `${out}…`;
    bytes += size;
    out += char;
  }
  return out;
}
