import { z } from '@sbss/sdk';

/** Params every robot node shares: where to send, and the message with its link back. */
export const messageParams = {
  credential: z
    .string()
    .min(1)
    .describe('Name of a robot-webhook credential holding the webhook URL (and signing secret)'),
  title: z.string().min(1).describe('Headline, e.g. "Negative spike: Acme" or "Weekly report"'),
  text: z.string().default('').describe('Body in Markdown: **bold**, [links](https://…), lists'),
  link: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'an http(s) URL')
    .optional()
    .describe('Link back to the case or report, shown as a button'),
  linkText: z.string().min(1).default('View details').describe('Label of the button'),
};
