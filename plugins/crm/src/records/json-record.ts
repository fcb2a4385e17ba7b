import type { JsonObject } from '@sbss/sdk';

/** A parsed record back to plain JSON for `ctx.data` (drops `undefined` fields as JSON does). */
export function asJson(value: object): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}
