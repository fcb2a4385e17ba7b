import { z } from '@sbss/sdk';

/** Params every reporting node shares to pick its records. */
export const rangeParams = {
  collection: z.string().min(1).default('mentions').describe('Workspace collection to read'),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Start of the range (inclusive); defaults to `lookbackHours` before `until`'),
  until: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('End of the range (exclusive); defaults to now'),
  lookbackHours: z
    .number()
    .positive()
    .max(24 * 366)
    .default(24 * 7)
    .describe('Length of the range when `since` is not set'),
  where: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .describe('Only records whose top-level fields equal these values, e.g. { "brand": "Acme" }'),
  sampleLimit: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(10_000)
    .describe('Most records read for metrics the store cannot count itself (sentiment, authors, topics)'),
};
