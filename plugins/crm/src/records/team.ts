import { z } from '@sbss/sdk';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 00:00 to 24:00');

/** A weekly window in the member's time zone; an end at or before the start runs past midnight. */
export const workingWindowSchema = z.object({
  days: z.array(z.enum(weekdays)).min(1),
  start: clock,
  end: clock,
});
export type WorkingWindow = z.output<typeof workingWindowSchema>;

/** A record of the `members` collection: someone cases can be routed to. */
export const memberSchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1),
  email: z.string().optional(),
  active: z.boolean().default(true),
  skills: z.array(z.string()).default([]),
  /** BCP 47 tags the member answers in; `zh` matches `zh-Hans` and `zh-Hant`. */
  languages: z.array(z.string()).default([]),
  regions: z.array(z.string()).default([]),
  /** Most open and pending cases the member holds at once. */
  capacity: z.number().int().min(0).default(20),
  /** IANA time zone of `workingHours`. */
  timeZone: z.string().default('UTC'),
  /** No windows means always working (e.g. a member who only takes on-call cases). */
  workingHours: z.array(workingWindowSchema).default([]),
});
export type Member = z.output<typeof memberSchema>;

/** A record of the `queues` collection. */
export const queueSchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1),
  /** Member ids, in the order round robin walks them. */
  members: z.array(z.string()).default([]),
  /** An on-call queue takes cases when nobody is within working hours; its members are always reachable. */
  onCall: z.boolean().default(false),
});
export type Queue = z.output<typeof queueSchema>;
