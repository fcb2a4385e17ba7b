import ipaddr from 'ipaddr.js';
import { SbssError } from '../engine/errors.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

export interface AddressVerdict {
  allowed: boolean;
  /** Why, in words fit for an error message: "a loopback address (127.0.0.0/8)". */
  reason: string;
}

export interface AddressPolicy {
  /** Whether a connection to this IP address (any textual form ipaddr.js reads) is allowed. */
  checkAddress(address: string): AddressVerdict;
  /** Whether a host name may be looked up at all; its addresses are checked separately. */
  checkHostname(hostname: string): AddressVerdict;
}

export interface AddressPolicyOptions {
  /** CIDR ranges (or single addresses) an administrator allows, e.g. an on-premise CRM. */
  allow?: readonly string[];
}

const ipv4Reasons: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address (224.0.0.0/4)',
  linkLocal: 'a link-local address (169.254.0.0/16)',
  loopback: 'a loopback address (127.0.0.0/8)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address (RFC 1918)',
  reserved: 'a reserved or documentation address',
};

const ipv6Reasons: Record<string, string> = {
  unspecified: 'the unspecified address (::)',
  loopback: 'the loopback address (::1)',
  linkLocal: 'a link-local address (fe80::/10)',
  multicast: 'a multicast address (ff00::/8)',
  uniqueLocal: 'a unique local address (fc00::/7)',
  deprecatedSiteLocal: 'a site-local address (fec0::/10)',
  teredo: 'a Teredo tunnel address (2001::/32)',
};

/**
 * Instance metadata endpoints hand out cloud credentials; they stay blocked even under a broad
 * allow range and open only when an allow entry names the exact address.
 * Sources: AWS IMDS (169.254.169.254, fd00:ec2::254), Alibaba Cloud (100.100.100.200),
 * Tencent Cloud (169.254.0.23).
 */
const metadataAddresses = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '169.254.0.23'].map(
  (text) => ipaddr.parse(text),
);

/** Names that resolve to a metadata service inside a cloud network (GCE, AWS, Tencent Cloud). */
const metadataHostnames = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
]);

/** Global unicast space (RFC 4291 §2.4, IANA IPv6 address space registry). */
const ipv6GlobalUnicast = ipaddr.parseCIDR('2000::/3');
/** NAT64 well-known prefix: the IPv4 address sits in the last 32 bits (RFC 6052 §2.1). */
const nat64WellKnown = ipaddr.parseCIDR('64:ff9b::/96');
/** Deprecated IPv4-compatible addresses, ::a.b.c.d (RFC 4291 §2.5.5.1). */
const ipv4Compatible = ipaddr.parseCIDR('::/96');

export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const allow = (options.allow ?? []).map(parseAllowEntry);
  return {
    checkAddress: (text) => {
      const address = parseAddress(text);
      if (!address) return { allowed: false, reason: `"${text}" is not an IP address` };
      return checkParsed(address, allow);
    },
    checkHostname: (hostname) => {
      const name = hostname.toLowerCase().replace(/\.$/, '');
      if (metadataHostnames.has(name)) {
        return { allowed: false, reason: 'a cloud instance metadata host name' };
      }
      return { allowed: true, reason: 'not a reserved host name' };
    },
  };
}

function parseAddress(text: string): Address | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : undefined;
}

function parseAllowEntry(entry: string): Cidr {
  const text = entry.trim();
  if (ipaddr.isValidCIDR(text)) return ipaddr.parseCIDR(text);
  const single = parseAddress(text);
  if (single) return [single, single.kind() === 'ipv4' ? 32 : 128];
  throw new SbssError(
    'VALIDATION_FAILED',
    `Network allow entry "${entry}" is not a CIDR range or IP address`,
  );
}

function checkParsed(address: Address, allow: Cidr[]): AddressVerdict {
  const embedded = address.kind() === 'ipv6' ? embeddedIPv4(address as ipaddr.IPv6) : undefined;
  const candidates = embedded ? [address, embedded] : [address];
  const metadata = candidates.some((candidate) => metadataAddresses.some((m) => sameAddress(m, candidate)));
  const allowedBy = allow.find(([range, bits]) =>
    candidates.some((candidate) => inRange(candidate, [range, bits]) && (!metadata || isSingle(range, bits))),
  );
  if (allowedBy) return { allowed: true, reason: `allowed by ${allowedBy[0].toString()}/${allowedBy[1]}` };
  if (metadata) return { allowed: false, reason: 'a cloud instance metadata address' };
  if (embedded) {
    const inner = classifyIPv4(embedded);
    return inner.allowed ? inner : { allowed: false, reason: `${inner.reason}, embedded in ${address}` };
  }
  return address.kind() === 'ipv4'
    ? classifyIPv4(address as ipaddr.IPv4)
    : classifyIPv6(address as ipaddr.IPv6);
}

function classifyIPv4(address: ipaddr.IPv4): AddressVerdict {
  const range = address.range();
  if (range === 'unicast') return { allowed: true, reason: 'a public address' };
  return { allowed: false, reason: ipv4Reasons[range] ?? `a special-purpose address (${range})` };
}

function classifyIPv6(address: ipaddr.IPv6): AddressVerdict {
  const range = address.range();
  if (range !== 'unicast') {
    return { allowed: false, reason: ipv6Reasons[range] ?? `a special-purpose address (${range})` };
  }
  // Only 2000::/3 is routed on the internet today; anything else is unassigned or local.
  if (!address.match(ipv6GlobalUnicast)) {
    return { allowed: false, reason: 'outside the global unicast range (2000::/3)' };
  }
  return { allowed: true, reason: 'a public address' };
}

/**
 * IPv6 forms that carry an IPv4 address and reach it: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-translated (::ffff:0:a.b.c.d, RFC 6145), NAT64 (64:ff9b::/96, RFC 6052), 6to4
 * (2002::/16, RFC 3056) and the deprecated IPv4-compatible form. `::` and `::1` are left to the
 * IPv6 ranges, so they are named for what they are.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const range = address.range();
  const [p0 = 0, p1 = 0, p2 = 0, , , , p6 = 0, p7 = 0] = address.parts;
  const fromParts = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (range === 'ipv4Mapped' || range === 'rfc6145' || address.match(nat64WellKnown)) {
    return fromParts(p6, p7);
  }
  if (range === '6to4') return fromParts(p1, p2);
  if (range === 'unicast' && p0 === 0 && address.match(ipv4Compatible)) return fromParts(p6, p7);
  return undefined;
}

function inRange(address: Address, [range, bits]: Cidr): boolean {
  return address.kind() === range.kind() && address.match(range, bits);
}

function isSingle(range: Address, bits: number): boolean {
  return bits === (range.kind() === 'ipv4' ? 32 : 128);
}

function sameAddress(a: Address, b: Address): boolean {
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}
