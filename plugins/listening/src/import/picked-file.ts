/**
 * A file as the `file` param holds it: a data URL that names it, as the editor's file field keeps
 * a picked file (`data:text/csv;name=export.csv;base64,…`, RFC 2397 with a `name` parameter), or
 * bare base64 as an API client may send it.
 */
export function pickedFile(value: string): { name?: string; base64: string } {
  if (!value.startsWith('data:')) return { base64: value };
  const comma = value.indexOf(',');
  const header = value.slice(5, comma < 0 ? value.length : comma).split(';');
  if (comma < 0 || header.at(-1) !== 'base64') return { base64: value };
  const named = header.find((part) => part.startsWith('name='));
  const base64 = value.slice(comma + 1);
  if (!named) return { base64 };
  try {
    return { name: decodeURIComponent(named.slice(5)), base64 };
  } catch {
    return { name: named.slice(5), base64 };
  }
}
