import { z } from '@sbss/sdk';

/**
 * An http(s) URL. Not `z.url()`: that needs the WHATWG `URL` class, which the sandbox isolate
 * (plain V8) does not have; the host checks the URL again before any request.
 */
export const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'An http:// or https:// URL');
