/**
 * Port ranges, and the ephemeral ports a client picks its side of a connection from. A reply goes back to that
 * port, so a stateless filter (a network ACL) must let the range through the other way: forgetting it is the
 * classic mistake (Amazon VPC User Guide, "Ephemeral ports").
 */
import type { NodeId } from '../types';

/** Inclusive at both ends, as AWS writes a rule's port range ("1024-65535"). */
export interface PortRange {
  low: number;
  high: number;
}

/** Every TCP or UDP port. */
export const ALL_PORTS: PortRange = { low: 0, high: 65535 };

export function onePort(port: number): PortRange {
  return { low: port, high: port };
}

export function inRange(range: PortRange, port: number): boolean {
  return port >= range.low && port <= range.high;
}

/**
 * Linux's default `net.ipv4.ip_local_port_range`, "32768 60999" (Linux kernel docs, networking/ip-sysctl). The
 * Amazon VPC User Guide ("Ephemeral ports") rounds it to 32768–61000.
 */
export const LINUX_EPHEMERAL: PortRange = { low: 32768, high: 60999 };

/** Requests from Elastic Load Balancing use 1024–65535 (Amazon VPC User Guide, "Ephemeral ports"). */
export const ELB_EPHEMERAL: PortRange = { low: 1024, high: 65535 };

/**
 * What a network ACL opens for replies: "in practice, to cover the different types of clients that might initiate
 * traffic", 1024–65535 (Amazon VPC User Guide, "Ephemeral ports"). It covers both ranges above.
 */
export const NACL_EPHEMERAL: PortRange = { low: 1024, high: 65535 };

/**
 * The range each client picks from. The browser's user agent says Linux; Nginx and the app run on Linux nodes;
 * the edge's servers are *assumed* to use Linux's default too. The load balancer is ELB.
 */
export function ephemeralRangeOf(client: NodeId): PortRange {
  return client === 'alb' ? ELB_EPHEMERAL : LINUX_EPHEMERAL;
}

/** FNV-1a, 32 bits: a small, well-spread hash, enough to scatter ports deterministically. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The client's ephemeral port on the `index`-th connection from `client` to `server` in a run with this seed (0:
 * the connection that was open before the run). Derived, never drawn, so the engine's filters and the inspector
 * see the same port and a new connection between the same two services gets a new one.
 */
export function ephemeralPort(seed: number, client: NodeId, server: NodeId, index: number): number {
  const range = ephemeralRangeOf(client);
  return range.low + (fnv1a(`${seed}|${client}>${server}|${index}`) % (range.high - range.low + 1));
}
