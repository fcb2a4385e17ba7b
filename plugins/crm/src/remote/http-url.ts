import { z } from '@sbss/sdk';

/**
 * An http(s) URL, checked by pattern: zod's `z.url()` builds a WHATWG `URL`, which the sandbox
 * (plain ECMAScript) does not have, so it would reject every value there.
 */
export const httpUrl = () =>
  z.string().regex(/^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i, 'an http:// or https:// URL');
