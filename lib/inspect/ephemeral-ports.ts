/**
 * The client side of every connection uses an ephemeral port, picked by its operating system from a range. The
 * engine derives one per connection from the scenario's seed (`ephemeralPort` in lib/sim/net/ports.ts), so its
 * network ACLs and the inspector see the same ports, and a new connection between the same two services shows a new one.
 */
import { fnv1a } from '@/lib/sim/net/ports';

export { ephemeralPort } from '@/lib/sim/net/ports';

/** A 16-bit DNS message ID (RFC 1035 §4.1.1), derived the same way, shared by a query and its answer. */
export function dnsMessageId(seed: number, index: number): number {
  return fnv1a(`${seed}|dns-id|${index}`) & 0xffff;
}
