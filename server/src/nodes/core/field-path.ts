import { type JsonObject, type JsonValue, withFields } from '@sbss/sdk';
import { SbssError } from '../../engine/errors.js';

/** Names that would reach an object's prototype instead of its data. */
const unsafeSegments = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads `author.name` or `tags.0`; only own properties count, so `constructor` is just missing. */
export function getPath(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let current = value;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else if (isObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Returns a copy of `target` with `value` at `segments`, copying only the objects on the way
 * down: items may be shared with other branches of the workflow and must not change under them.
 */
export function setPath(target: JsonObject, segments: readonly string[], value: JsonValue): JsonObject {
  const [head, ...rest] = segments;
  if (head === undefined) return target;
  if (head === '' || unsafeSegments.has(head)) {
    throw new SbssError('NODE_PARAMS_INVALID', `"${segments.join('.')}" is not a usable field name`);
  }
  const child = target[head];
  const next = rest.length === 0 ? value : setPath(isObject(child) ? child : {}, rest, value);
  return withFields(target, { [head]: next });
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
