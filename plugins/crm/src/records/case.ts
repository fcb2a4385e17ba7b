import { z } from '@sbss/sdk';

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const prioritySchema = z.enum(priorities);
export type Priority = z.output<typeof prioritySchema>;

export const statusSchema = z.enum(['open', 'pending', 'resolved']);
export type CaseStatus = z.output<typeof statusSchema>;

/** One change to a case: who, when, why, and the fields it changed (from → to). */
export const historyEntrySchema = z.looseObject({
  at: z.string(),
  /** `workflow:<workflowId>/<nodeId>` for nodes, `user:<id>` for edits in the Inbox. */
  by: z.string(),
  action: z.string(),
  reason: z.string().optional(),
  changes: z.record(z.string(), z.object({ from: z.json(), to: z.json() })).optional(),
  executionId: z.string().optional(),
  /** The idempotency key of the step that wrote it: a replayed step finds it and writes nothing. */
  key: z.string().optional(),
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;

/** What a case keeps of each linked mention, so the Inbox shows the thread without a join. */
export const mentionSnapshotSchema = z.looseObject({
  id: z.string(),
  source: z.string(),
  url: z.string().optional(),
  author: z.object({ id: z.string().optional(), name: z.string() }).optional(),
  text: z.string(),
  publishedAt: z.string().optional(),
  sentiment: z.json().optional(),
  urgency: z.json().optional(),
});
export type MentionSnapshot = z.output<typeof mentionSnapshotSchema>;

/** A record of the `cases` collection; fields the Inbox adds are kept as they are. */
export const caseSchema = z.looseObject({
  id: z.string(),
  contactId: z.string().nullable().default(null),
  topic: z.string(),
  subject: z.string(),
  status: statusSchema,
  priority: prioritySchema,
  owner: z.string().nullable().default(null),
  queue: z.string().nullable().default(null),
  slaDueAt: z.string().nullable().default(null),
  openedAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable().default(null),
  escalationLevel: z.number().int().min(0).default(0),
  lang: z.string().optional(),
  region: z.string().optional(),
  skills: z.array(z.string()).default([]),
  /** `<source>:<id>` of every linked mention, oldest first. */
  mentionIds: z.array(z.string()).default([]),
  /** The most recent linked mentions (at most `maxSnapshots`). */
  mentions: z.array(mentionSnapshotSchema).default([]),
  history: z.array(historyEntrySchema).default([]),
  external: z
    .looseObject({ hubspotTicketId: z.string().optional(), salesforceCaseId: z.string().optional() })
    .default({}),
});
export type Case = z.output<typeof caseSchema>;

export const maxSnapshots = 50;

export function isActive(status: CaseStatus): boolean {
  return status !== 'resolved';
}

export function priorityRank(priority: Priority): number {
  return priorities.indexOf(priority);
}
