/**
 * Workspace collections the CRM keeps. The server's API and the editor's Inbox read and edit
 * the same records, so these names and the shapes in README.md are a contract.
 */
export const collections = {
  contacts: 'contacts',
  /** One record per identity (handle, email, phone) pointing at its contact: lookups by key, not scans. */
  contactKeys: 'contact-keys',
  cases: 'cases',
  /** `open:<contactId>:<topic>` → the case that collects that contact's mentions on that topic. */
  caseKeys: 'case-keys',
  members: 'members',
  queues: 'queues',
} as const;

export type IdentityKind = 'handle' | 'email' | 'phone';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Keeps a leading `+` and the digits: "+86 138-0013-8000" and "+8613800138000" are one phone.
 * Numbers without a country code stay as written digits (no guessing of the region).
 */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

export function identityKey(kind: 'handle', value: string, platform: string): string;
export function identityKey(kind: Exclude<IdentityKind, 'handle'>, value: string): string;
export function identityKey(kind: IdentityKind, value: string, platform?: string): string {
  if (kind === 'handle') return `handle:${(platform ?? '').trim().toLowerCase()}:${normalizeHandle(value)}`;
  return kind === 'email' ? `email:${normalizeEmail(value)}` : `phone:${normalizePhone(value)}`;
}

export function openCaseKey(contactId: string, topic: string): string {
  return `open:${contactId}:${topic.trim().toLowerCase()}`;
}
