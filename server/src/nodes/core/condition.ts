import { z } from 'zod';

/**
 * A condition arrives already evaluated by the engine (`{{ $json.followers > 1000 }}` is a
 * boolean by then); the strings "true" and "false" are accepted too, as typed into a form.
 */
export const conditionSchema = z.union([z.boolean(), z.enum(['true', 'false'])]);

export type Condition = z.output<typeof conditionSchema>;

export function holds(condition: Condition): boolean {
  return condition === true || condition === 'true';
}
