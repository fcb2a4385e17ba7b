/**
 * Param values are templates: text with `{{ expression }}` parts. A value that is exactly one
 * `{{ }}` part keeps the expression's type (number, object...); mixed text concatenates.
 */

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'expression'; code: string; from: number; to: number };

const pattern = /\{\{([\s\S]*?)\}\}/g;

export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && /\{\{[\s\S]*?\}\}/.test(value);
}

export function splitTemplate(template: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ kind: 'text', text: template.slice(last, start) });
    segments.push({
      kind: 'expression',
      code: (match[1] ?? '').trim(),
      from: start + 2,
      to: start + match[0].length - 2,
    });
    last = start + match[0].length;
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  return segments;
}

/** The code of a template that is one `{{ }}` and nothing else, or undefined. */
export function soleExpression(template: string): string | undefined {
  const segments = splitTemplate(template.trim());
  const [only] = segments;
  return segments.length === 1 && only?.kind === 'expression' ? only.code : undefined;
}

/** The value a field switched to expression mode starts with. */
export function toExpression(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') return value;
  return `{{ ${JSON.stringify(value)} }}`;
}

/**
 * The value a field switched back to fixed mode keeps: a literal expression becomes its value,
 * plain text stays; anything computed cannot be kept, so the field goes back to `fallback`.
 */
export function fromExpression(template: string, fallback: unknown): unknown {
  const code = soleExpression(template);
  if (code === undefined) return isExpression(template) ? fallback : template;
  try {
    return JSON.parse(code);
  } catch {
    return fallback;
  }
}

/** Whether `offset` sits inside an unclosed `{{`, i.e. where expression completion applies. */
export function insideExpression(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const open = before.lastIndexOf('{{');
  return open !== -1 && before.indexOf('}}', open) === -1;
}
