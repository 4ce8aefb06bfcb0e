/**
 * The client side of every connection uses an ephemeral port, picked by its operating system from a range
 * (`ephemeralRangeOf` in lib/sim/net/ports.ts). The inspector derives one per connection from the scenario's seed, so the same run always shows the same
 * ports and a new connection between the same two services shows a new one.
 */
import type { NodeId } from '@/lib/sim';
import { ephemeralRangeOf } from '@/lib/sim/net/ports';

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
  const range = ephemeralRangeOf(client);
  return range.low + (fnv1a(`${seed}|${client}>${server}|${index}`) % (range.high - range.low + 1));
}

/** A 16-bit DNS message ID (RFC 1035 §4.1.1), derived the same way, shared by a query and its answer. */
export function dnsMessageId(seed: number, index: number): number {
  return fnv1a(`${seed}|dns-id|${index}`) & 0xffff;
}
