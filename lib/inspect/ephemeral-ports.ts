/**
 * The client side of every connection uses an ephemeral port, picked by its operating system from a range.
 * The inspector derives one per connection from the scenario's seed, so the same run always shows the same
 * ports and a new connection between the same two services shows a new one.
 */
import type { NodeId } from '@/lib/sim';

export interface PortRange {
  low: number;
  high: number;
}

/** Linux's default `net.ipv4.ip_local_port_range`, "32768 60999" (Linux kernel docs, networking/ip-sysctl). */
export const LINUX_EPHEMERAL: PortRange = { low: 32768, high: 60999 };

/**
 * Elastic Load Balancing picks its client ports from 1024–65535 (Amazon VPC User Guide, network ACLs,
 * "Ephemeral ports").
 */
export const ELB_EPHEMERAL: PortRange = { low: 1024, high: 65535 };

/**
 * Who opens connections, and from which range. The browser's user agent says Linux; Nginx and the app run on
 * Linux nodes; the edge's servers are *assumed* to use Linux's default too.
 */
function rangeFor(client: NodeId): PortRange {
  return client === 'alb' ? ELB_EPHEMERAL : LINUX_EPHEMERAL;
}

/** FNV-1a, 32 bits: a small, well-spread hash, enough to scatter ports deterministically. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The ephemeral port of the `index`-th connection (or DNS socket) from `client` to `server` in a run
 * with this seed.
 */
export function ephemeralPort(seed: number, client: NodeId, server: NodeId, index: number): number {
  const range = rangeFor(client);
  return range.low + (fnv1a(`${seed}|${client}>${server}|${index}`) % (range.high - range.low + 1));
}

/** A 16-bit DNS message ID (RFC 1035 §4.1.1), derived the same way, shared by a query and its answer. */
export function dnsMessageId(seed: number, index: number): number {
  return fnv1a(`${seed}|dns-id|${index}`) & 0xffff;
}
