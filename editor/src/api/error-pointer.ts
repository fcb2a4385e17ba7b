/** The text with a caret under the place an error is at, as query and template errors carry it. */
export function pointerOf(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const pointer = (details as { pointer?: unknown }).pointer;
  return typeof pointer === 'string' ? pointer : undefined;
}
