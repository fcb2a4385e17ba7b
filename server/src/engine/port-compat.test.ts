import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { portMismatches } from './port-compat.js';

describe('portMismatches', () => {
  it('accepts an integer where a number is wanted and a nullable value that may match', () => {
    const source = z.object({ count: z.number().int(), name: z.string().nullable() });
    const target = z.object({ count: z.number(), name: z.string() });
    expect(portMismatches(source, target)).toEqual([]);
  });

  it('does not require properties the target fills in with a default', () => {
    expect(portMismatches(z.object({}), z.object({ lang: z.string().default('en') }))).toEqual([]);
  });

  it('names each required property the source lacks or types differently', () => {
    const source = z.object({ score: z.string() });
    const target = z.object({ score: z.number(), owner: z.string() });
    expect(portMismatches(source, target)).toEqual([
      '"score" is string on the source port but number on the target',
      '"owner" is required by the target port but not declared by the source port',
    ]);
  });

  it('passes what cannot be told statically', () => {
    expect(portMismatches(z.record(z.string(), z.string()), z.object({ a: z.string() }))).toEqual([]);
    expect(portMismatches(z.object({ at: z.date() }), z.object({ at: z.string() }))).toEqual([]);
  });
});
