/**
 * What a security group rule or a network ACL rule matches, besides the address: the protocol and, for TCP and
 * UDP, the destination port. "All" (protocol -1) matches every protocol on every port (Amazon EC2 API Reference,
 * CreateNetworkAclEntry and IpPermission).
 */
import { inRange, type PortRange } from './ports';

/** Into the subnet or the network interface, or out of it. */
export type Direction = 'inbound' | 'outbound';

/** The protocols a packet in this simulation carries. ICMP, with its types and codes, is left out. */
export type IpProtocol = 'tcp' | 'udp';

export type RuleTraffic = { protocol: 'all' } | { protocol: IpProtocol; ports: PortRange };

/**
 * A packet as a filter sees it. `port` is its destination port: a rule's port range is always the destination's,
 * so a reply matches on the client's ephemeral port. `peer` is the address at the other end: the source of an
 * inbound packet, the destination of an outbound one.
 */
export interface Packet {
  protocol: IpProtocol;
  port: number;
  peer: string;
}

export function trafficMatches(rule: RuleTraffic, packet: Packet): boolean {
  return rule.protocol === 'all' || (rule.protocol === packet.protocol && inRange(rule.ports, packet.port));
}
