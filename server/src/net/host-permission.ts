/**
 * Whether a host matches the hosts a plugin's manifest declares: exact names, `*.example.com`
 * for any name below example.com (at any depth, but not example.com itself, as with TLS
 * wildcard certificates), or `*` for any public host, for nodes that fetch URLs their users type
 * (feeds, files). The address policy still applies to every host.
 */
export function hostPermitted(hostname: string, patterns: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  return patterns.some((raw) => {
    const pattern = normalizeHost(raw);
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
}

export function normalizeHost(hostname: string): string {
  const lower = hostname.trim().toLowerCase().replace(/\.$/, '');
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}
