import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.js';

const policy = createAddressPolicy();
const allowed = (address: string) => policy.checkAddress(address).allowed;

describe('address policy', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['::1', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['fc00::1', /unique local/],
    ['fd12:3456::1', /unique local/],
    ['169.254.1.1', /link-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['224.0.0.1', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['240.0.0.1', /reserved/],
    ['192.0.2.10', /reserved/],
    ['2001:db8::1', /special-purpose/],
    ['2001::1', /Teredo/],
  ])('blocks %s', (address, reason) => {
    const verdict = policy.checkAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toMatch(reason);
  });

  it.each(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '::ffff:169.254.169.254'])(
    'blocks the cloud metadata address %s',
    (address) => {
      expect(policy.checkAddress(address)).toEqual({
        allowed: false,
        reason: 'a cloud instance metadata address',
      });
    },
  );

  it.each([
    ['decimal', '2130706433'],
    ['hexadecimal', '0x7f000001'],
    ['octal', '017700000001'],
    ['dotted octal', '0177.0.0.1'],
    ['short', '127.1'],
  ])('reads the %s IPv4 form %s as loopback', (_form, address) => {
    expect(policy.checkAddress(address)).toEqual({
      allowed: false,
      reason: 'a loopback address (127.0.0.0/8)',
    });
  });

  it.each([
    ['IPv4-mapped', '::ffff:127.0.0.1'],
    ['IPv4-mapped in hex', '::ffff:7f00:1'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['IPv4-translated', '::ffff:0:7f00:1'],
    ['NAT64', '64:ff9b::a00:1'],
    ['6to4', '2002:c0a8:101::1'],
    ['IPv4-compatible', '::7f00:1'],
  ])('blocks the %s form %s of a blocked IPv4 address', (_form, address) => {
    const verdict = policy.checkAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toMatch(/embedded in/);
  });

  it('blocks IPv6 space outside global unicast', () => {
    expect(policy.checkAddress('4000::1')).toEqual({
      allowed: false,
      reason: 'outside the global unicast range (2000::/3)',
    });
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'allows the public address %s',
    (address) => {
      expect(allowed(address)).toBe(true);
    },
  );

  it('refuses text that is not an address', () => {
    expect(policy.checkAddress('example.com')).toEqual({
      allowed: false,
      reason: '"example.com" is not an IP address',
    });
  });

  it('lets the allow list open blocked ranges, including their IPv6 forms', () => {
    const open = createAddressPolicy({ allow: ['127.0.0.0/8', '10.20.0.0/16', 'fd00:1::5'] });
    expect(open.checkAddress('127.0.0.1')).toEqual({ allowed: true, reason: 'allowed by 127.0.0.0/8' });
    expect(open.checkAddress('::ffff:127.0.0.1').allowed).toBe(true);
    expect(open.checkAddress('10.20.3.4').allowed).toBe(true);
    expect(open.checkAddress('fd00:1::5').allowed).toBe(true);
    expect(open.checkAddress('10.21.0.1').allowed).toBe(false);
    expect(open.checkAddress('192.168.0.1').allowed).toBe(false);
  });

  it('keeps metadata addresses closed under a broad allow range unless named exactly', () => {
    expect(createAddressPolicy({ allow: ['0.0.0.0/0'] }).checkAddress('169.254.169.254').allowed).toBe(false);
    expect(createAddressPolicy({ allow: ['169.254.0.0/16'] }).checkAddress('169.254.10.1').allowed).toBe(
      true,
    );
    expect(createAddressPolicy({ allow: ['169.254.169.254'] }).checkAddress('169.254.169.254').allowed).toBe(
      true,
    );
  });

  it('rejects allow entries that are not ranges', () => {
    expect(() => createAddressPolicy({ allow: ['intranet'] })).toThrow(/not a CIDR range/);
  });

  it.each(['metadata.google.internal', 'METADATA.google.internal.', 'metadata', 'instance-data'])(
    'blocks the metadata host name %s',
    (hostname) => {
      expect(policy.checkHostname(hostname).allowed).toBe(false);
    },
  );

  it('leaves other host names to their addresses', () => {
    expect(policy.checkHostname('api.hubapi.com').allowed).toBe(true);
  });
});
