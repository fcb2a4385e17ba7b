import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { SbssError } from '../engine/errors.js';
import type { AddressPolicy } from './address-policy.js';
import { hostPermitted, normalizeHost } from './host-permission.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Answers every address of a host name; tests swap it for a fixed table. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export interface TargetRules {
  policy: AddressPolicy;
  /** Hosts the plugin's manifest declares; undefined allows any host the policy allows. */
  allowedHosts?: readonly string[];
  resolver: Resolver;
}

/**
 * Decides whether a URL may be fetched and returns the one address to connect to. Every
 * address the name resolves to must pass, so a name that mixes public and private answers
 * cannot win a race between the check and the connection.
 */
export async function vetTarget(url: URL, rules: TargetRules): Promise<ResolvedAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw blocked(url.href, `only http and https URLs may be fetched, not ${url.protocol}`);
  }
  return vetHost(url.hostname, rules);
}

/** The same decision for a bare host name, for protocols other than HTTP (e.g. SMTP). */
export async function vetHost(hostname: string, rules: TargetRules): Promise<ResolvedAddress> {
  const host = normalizeHost(hostname);
  if (rules.allowedHosts && !hostPermitted(host, rules.allowedHosts)) {
    const declared = rules.allowedHosts.length > 0 ? rules.allowedHosts.join(', ') : 'no hosts';
    throw blocked(host, `the plugin's manifest permits only ${declared}`);
  }
  const name = rules.policy.checkHostname(host);
  if (!name.allowed) throw blocked(host, `it is ${name.reason}`);

  const family = isIP(host);
  const addresses = family
    ? [{ address: host, family: family as 4 | 6 }]
    : await resolve(host, rules.resolver);
  for (const candidate of addresses) {
    const verdict = rules.policy.checkAddress(candidate.address);
    if (!verdict.allowed) {
      const where = candidate.address === host ? 'it is' : `it resolves to ${candidate.address},`;
      const hint = verdict.reason.includes('metadata') ? '' : '; an administrator can allow its range';
      throw blocked(host, `${where} ${verdict.reason}${hint}`, candidate.address);
    }
  }
  const [first] = addresses;
  if (!first) throw new SbssError('NODE_FAILED', `Host "${host}" has no addresses`, { host });
  return first;
}

async function resolve(host: string, resolver: Resolver): Promise<ResolvedAddress[]> {
  try {
    return await resolver(host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new SbssError('NODE_FAILED', `Could not resolve host "${host}"`, { host, code });
  }
}

function blocked(host: string, why: string, address?: string): SbssError {
  return new SbssError('HTTP_BLOCKED', `Request to "${host}" blocked: ${why}`, {
    host,
    ...(address ? { address } : {}),
  });
}
