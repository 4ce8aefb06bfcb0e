/**
 * The IP address each service answers on, for the inspector's IP layer. The engine names some of them
 * already (lib/sim/site.ts); the rest are picked from the same ranges, which are reserved for
 * documentation and private networks and so can never belong to a real host: 198.51.100.0/24 and
 * 192.0.2.0/24 (RFC 5737, TEST-NET-2 and TEST-NET-1) on the internet, 10.0.0.0/8 (RFC 1918) inside the VPC.
 */
import type { NodeId } from '@/lib/sim';
import { ALB_PRIVATE_IP, APP_TARGET, BROWSER_IP, EDGE_IP, WEB_TARGET } from '@/lib/sim/site';

/** Services that own an address. Shield and the WAF work inline at the edge location and own none. */
export type AddressedNode = Exclude<NodeId, 'shield' | 'waf'>;

export const NODE_ADDRESSES: Readonly<Record<AddressedNode, string>> = {
  browser: BROWSER_IP,
  /** The name server the diagram draws as Route 53. */
  dns: '192.0.2.53',
  edge: EDGE_IP,
  /** The S3 endpoint the edge fetches /static/* from. */
  s3: '192.0.2.181',
  alb: ALB_PRIVATE_IP,
  web: WEB_TARGET,
  app: APP_TARGET,
  /** The RDS instance, in the private data subnet. */
  db: '10.0.31.84',
  thirdparty: '198.51.100.200',
};

export function addressOf(node: NodeId): string | null {
  return node === 'shield' || node === 'waf' ? null : NODE_ADDRESSES[node];
}
