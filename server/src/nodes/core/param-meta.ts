import type { Locale } from '@sbss/sdk';
import type { z } from 'zod';

/** A text in every UI language: the core nodes' forms are translated in full. */
export type Translated = Record<Locale, string>;

/**
 * The `.meta()` that gives a param its form label and help in every UI language. zod types
 * `title` and `description` as strings, but `z.toJSONSchema` copies them into the schema as
 * given, and the editor's forms read either a string or one text per language.
 */
export function paramMeta(meta: { title: Translated; description: Translated }): z.GlobalMeta {
  return meta as unknown as z.GlobalMeta;
}
