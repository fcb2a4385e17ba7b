import { z } from '@sbss/sdk';

export const handleSchema = z.object({
  platform: z.string(),
  handle: z.string(),
  url: z.string().optional(),
});

/** A record of the `contacts` collection; fields the Inbox adds are kept as they are. */
export const contactSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  handles: z.array(handleSchema).default([]),
  emails: z.array(z.string()).default([]),
  phones: z.array(z.string()).default([]),
  lang: z.string().optional(),
  region: z.string().optional(),
  /** Member who handled this contact's last case: the sticky owner. */
  ownerId: z.string().nullable().default(null),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  external: z
    .looseObject({ hubspotId: z.string().optional(), salesforceId: z.string().optional() })
    .default({}),
  /** Other contacts that share an identity with this one and may be the same person. */
  possibleDuplicates: z.array(z.string()).default([]),
});

export type Contact = z.output<typeof contactSchema>;
export type ContactHandle = z.output<typeof handleSchema>;
