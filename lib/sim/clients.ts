/**
 * Who sends a request, as the edge sees it: a source address, and whether a person's browser is behind it. The WAF
 * reads only the address (and the token a client carries); whether a person is there decides what the client does
 * with a CAPTCHA or a challenge. Addresses are 32-bit numbers kept in a small-integer form (`| 0`), so counting them
 * per request costs no allocation.
 *
 * Traffic runs draw their visitors and bots from 198.18.0.0/15, the block reserved for benchmarking network devices
 * (RFC 2544 §C.2.2; IANA IPv4 Special-Purpose Address Registry, RFC 6890): no real host has one, and none is in
 * the web ACL's allow-listed office network.
 */
import { parseIpv4 } from '@/lib/scenario/cidr';
import { BROWSER_IP } from './site';

/** An IPv4 address as a signed 32-bit number: the same bits as the dotted quad, small enough to be a map key without boxing. */
export type Address = number;

/** An address from its dotted quad; throws on anything else, as every caller passes a constant. */
export function addressOf(text: string): Address {
  const value = parseIpv4(text);
  if (value === null) throw new Error(`Not an IPv4 address: ${text}`);
  return value | 0;
}

/** The dotted quad of an address. */
export function addressText(address: Address): string {
  const u = address >>> 0;
  return `${u >>> 24}.${(u >>> 16) & 255}.${(u >>> 8) & 255}.${u & 255}`;
}

/** The single request's browser. */
export const BROWSER_ADDRESS: Address = addressOf(BROWSER_IP);

/** The first visitor's address, 198.18.0.1; visitor k is k after it. At most 100,000 visitors stay below the bots' block. */
const FIRST_VISITOR = addressOf('198.18.0.1');
/** The bots' addresses, 198.19.255.1 onwards: at most 250 of them, the last /24 of the benchmarking block. */
const FIRST_BOT = addressOf('198.19.255.1');

/** Visitor `index` (0-based) of a traffic run. */
export function visitorAddress(index: number): Address {
  return (FIRST_VISITOR + index) | 0;
}

/** Bot `index` (0-based) of a flood. */
export function botAddress(index: number): Address {
  return (FIRST_BOT + index) | 0;
}

/**
 * Which of `visitors` addresses arrival `n` comes from: a hash of its number (MurmurHash3's 32-bit finaliser), so
 * every visitor sends about as many requests, in no pattern, without a random draw (and so without shifting a stream).
 */
export function visitorOf(n: number, visitors: number): number {
  let h = n | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % visitors;
}
