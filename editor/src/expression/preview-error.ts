/** What the preview cannot show: its message is shown in place of a value. */
export class PreviewError extends Error {
  override name = 'PreviewError';
}
