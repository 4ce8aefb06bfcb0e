import { describe, expect, it } from 'vitest';
import { cidrContains, cidrsOverlap, cidrWithin, parseCidr, parseIpv4 } from './cidr';

describe('CIDR blocks', () => {
  it('hold exactly the addresses from their base to the last one their prefix allows', () => {
    expect(cidrContains('10.0.21.0/24', '10.0.21.0')).toBe(true);
    expect(cidrContains('10.0.21.0/24', '10.0.21.255')).toBe(true);
    expect(cidrContains('10.0.21.0/24', '10.0.20.255')).toBe(false);
    expect(cidrContains('10.0.21.0/24', '10.0.22.0')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '255.255.255.255')).toBe(true);
    expect(cidrContains('192.0.2.44/32', '192.0.2.44')).toBe(true);
    expect(cidrContains('192.0.2.44/32', '192.0.2.45')).toBe(false);
  });

  it('nest or keep apart, never half overlap', () => {
    expect(cidrWithin('10.0.21.0/24', '10.0.0.0/16')).toBe(true);
    expect(cidrWithin('10.0.0.0/16', '10.0.21.0/24')).toBe(false);
    expect(cidrWithin('10.1.0.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/16', '10.0.21.0/24')).toBe(true);
    expect(cidrsOverlap('10.0.21.0/24', '10.0.22.0/24')).toBe(false);
  });

  it('refuse what AWS refuses: host bits set, a prefix over 32, a malformed address', () => {
    expect(() => parseCidr('10.0.21.5/24')).toThrow(/host bits/);
    expect(() => parseCidr('10.0.0.0/33')).toThrow();
    expect(() => parseCidr('10.0.0/16')).toThrow();
    expect(parseIpv4('10.0.256.1')).toBeNull();
    expect(parseIpv4('10.0.1')).toBeNull();
    expect(parseIpv4('10.0.1.1')).toBe(10 * 2 ** 24 + 256 + 1);
  });
});
