/** Who wrote a history entry: a person in the Inbox, a workflow node, or something else. */
export type Author =
  | { kind: 'user'; who: string }
  | { kind: 'workflow'; workflowId: string; nodeId: string }
  | { kind: 'other'; text: string };

/** Reads `user:<who>` and `workflow:<workflowId>/<nodeId>` (plugins/crm/README.md). */
export function authorOf(by: string): Author {
  if (by.startsWith('user:')) return { kind: 'user', who: by.slice('user:'.length) };
  const workflow = /^workflow:([^/]+)\/(.+)$/.exec(by);
  if (workflow?.[1] && workflow[2]) return { kind: 'workflow', workflowId: workflow[1], nodeId: workflow[2] };
  return { kind: 'other', text: by };
}

/** Fields whose values are times, shown in the UI's language rather than as ISO strings. */
export const timeFields = new Set(['slaDueAt', 'resolvedAt', 'dueAt', 'openedAt']);
