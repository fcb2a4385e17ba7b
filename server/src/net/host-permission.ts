/**
 * Whether a host matches the hosts a plugin's manifest declares: exact names, or `*.example.com`
 * for any name below example.com (at any depth, but not example.com itself, as with TLS
 * wildcard certificates).
 */
export function hostPermitted(hostname: string, patterns: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  return patterns.some((raw) => {
    const pattern = normalizeHost(raw);
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
}

export function normalizeHost(hostname: string): string {
  const lower = hostname.trim().toLowerCase().replace(/\.$/, '');
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}
