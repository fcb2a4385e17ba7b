export interface EmailContent {
  text: string;
  html: string;
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => entities[char] ?? char);

/**
 * Both a plain-text and an HTML part, so every client shows something sensible. Given HTML is
 * used as is; otherwise the text becomes simple paragraphs. The link goes at the end of both,
 * as a button in HTML (a table-based button: the one layout mail clients agree on).
 */
export function emailContent(input: {
  text: string;
  html?: string | undefined;
  link?: string | undefined;
  linkText: string;
}): EmailContent {
  const text = input.link ? `${input.text}\n\n${input.linkText}: ${input.link}`.trim() : input.text;
  const paragraphs = input.text
    .split(/\n{2,}/)
    .filter((part) => part.trim() !== '')
    .map((part) => `<p style="margin:0 0 12px">${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const button = input.link
    ? `<table role="presentation" cellspacing="0" cellpadding="0" style="margin:20px 0"><tr><td style="border-radius:6px;background:#1d4ed8"><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:10px 18px;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(input.linkText)}</a></td></tr></table>`
    : '';
  const html = input.html
    ? `${input.html}${button}`
    : `<div style="font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.5;color:#1f2937">${paragraphs}${button}</div>`;
  return { text, html };
}
