/**
 * Security groups: the stateful filter on a network interface (Amazon VPC User Guide, "Control traffic to your
 * AWS resources using security groups"). Rules only allow, every rule of every group on the interface is
 * evaluated, and a packet passes when any of them allows it; anything else is dropped, silently. A rule's peer is
 * an address block, an AWS-managed prefix list or another security group (meaning every interface that carries it).
 *
 * Stateful: a reply to a connection the group let through passes whatever the rules say, and a connection the
 * group is tracking outlives a change of its rules: "When you change a security group rule, its tracked
 * connections are not immediately interrupted" (Amazon EC2 User Guide, "Security group connection tracking").
 * So the groups judge the SYN that opens a connection, and nothing after it.
 *
 * The rules themselves are scenario data (lib/scenario/network-rules.ts); here they become evaluators.
 */
import type { DbEngine } from '@/lib/scenario/schema';
import { cidrContains } from '@/lib/scenario/cidr';
import { CLOUDFRONT_PREFIX_LIST, DB_PORT_ALIAS, DEFAULT_NETWORK, describeSgRule, parsePorts, type NetworkRules, type SecurityGroupId, type SgRuleSpec } from '@/lib/scenario/network-rules';
import { DB_PORTS } from '@/lib/scenario/vocabulary';
import { EDGE_IP } from '../site';
import type { PortRange } from './ports';
import { trafficMatches, type Direction, type Packet, type RuleTraffic } from './traffic';

export { SECURITY_GROUP_IDS, type SecurityGroupId } from '@/lib/scenario/network-rules';

/** A named set of address blocks a rule can name as its peer. */
export interface PrefixList {
  name: string;
  entries: readonly string[];
}

/**
 * The AWS-managed prefix list com.amazonaws.global.cloudfront.origin-facing holds the address ranges of CloudFront's
 * origin-facing servers; allowing it, and nothing else, keeps traffic that bypasses CloudFront off the origin
 * (Amazon CloudFront Developer Guide, "Use the CloudFront managed prefix list"). In this made-up world the edge's
 * one address stands for them all.
 */
export const CLOUDFRONT_ORIGIN_FACING: PrefixList = { name: CLOUDFRONT_PREFIX_LIST, entries: [`${EDGE_IP}/32`] };

export const PREFIX_LISTS: Readonly<Record<string, PrefixList>> = { [CLOUDFRONT_ORIGIN_FACING.name]: CLOUDFRONT_ORIGIN_FACING };

export type SgPeer = { cidr: string } | { prefixList: string } | { securityGroup: SecurityGroupId };

export type SgRule = RuleTraffic & {
  /** The source of inbound traffic, the destination of outbound (the console's Source and Destination). */
  peer: SgPeer;
  /** The rule as the console reads it: “inbound TCP 5432 from sg-app”. */
  text: string;
};

export interface SecurityGroup {
  id: SecurityGroupId;
  inbound: readonly SgRule[];
  outbound: readonly SgRule[];
}

/** What a rule's ports mean in this world: `db` is the engine's own port. */
export function portsOf(text: string | undefined, engine: DbEngine): PortRange {
  const ports = parsePorts(text ?? '');
  if (ports === null) throw new Error(`Not a port range: ${text}`);
  return ports === DB_PORT_ALIAS ? { low: DB_PORTS[engine], high: DB_PORTS[engine] } : ports;
}

/** The protocol and ports a rule written as data matches. */
export function trafficOf(rule: Pick<SgRuleSpec, 'protocol' | 'ports'>, engine: DbEngine): RuleTraffic {
  return rule.protocol === 'all' ? { protocol: 'all' } : { protocol: rule.protocol, ports: portsOf(rule.ports, engine) };
}

function peerOf(peer: string): SgPeer {
  if (peer in PREFIX_LISTS) return { prefixList: peer };
  if (peer.startsWith('sg-')) return { securityGroup: peer as SecurityGroupId };
  return { cidr: peer };
}

/** The rule with `db` written as the engine's port, for words that name the port a packet used. */
export function withDbPort<R extends { ports?: string }>(rule: R, engine: DbEngine): R {
  return rule.ports === DB_PORT_ALIAS ? { ...rule, ports: String(DB_PORTS[engine]) } : rule;
}

function group(id: SecurityGroupId, specs: readonly SgRuleSpec[], engine: DbEngine): SecurityGroup {
  const rules = (dir: SgRuleSpec['dir']) => specs.filter((r) => r.dir === dir).map((r): SgRule => ({ ...trafficOf(r, engine), peer: peerOf(r.peer), text: describeSgRule(withDbPort(r, engine)) }));
  return { id, inbound: rules('in'), outbound: rules('out') };
}

/** The groups as a scenario's rules make them, the database's port resolved for its engine. */
export function securityGroups(engine: DbEngine, network: NetworkRules = DEFAULT_NETWORK): Readonly<Record<SecurityGroupId, SecurityGroup>> {
  return {
    'sg-alb': group('sg-alb', network.sgAlb, engine),
    'sg-web': group('sg-web', network.sgWeb, engine),
    'sg-app': group('sg-app', network.sgApp, engine),
    'sg-db': group('sg-db', network.sgDb, engine),
  };
}

function peerMatches(peer: SgPeer, address: string, peerGroups: readonly SecurityGroupId[]): boolean {
  if ('cidr' in peer) return cidrContains(peer.cidr, address);
  if ('prefixList' in peer) return (PREFIX_LISTS[peer.prefixList]?.entries ?? []).some((cidr) => cidrContains(cidr, address));
  return peerGroups.includes(peer.securityGroup);
}

/** A rule that let the packet through, or `tracked`: a reply on a connection the groups already allowed. */
export type SgVerdict = { allowed: true; by: SgRule | 'tracked' } | { allowed: false };

export interface SgContext {
  /** The groups on the interface at the other end: a rule naming a group matches those. */
  peerGroups?: readonly SecurityGroupId[];
  /** The packet answers a connection these groups let through the other way. */
  reply?: boolean;
}

/** Whether the groups on one network interface let a packet in or out. */
export function sgVerdict(groups: readonly SecurityGroup[], direction: Direction, packet: Packet, { peerGroups = [], reply = false }: SgContext = {}): SgVerdict {
  if (reply) return { allowed: true, by: 'tracked' };
  for (const g of groups) {
    const rule = g[direction].find((r) => trafficMatches(r, packet) && peerMatches(r.peer, packet.peer, peerGroups));
    if (rule) return { allowed: true, by: rule };
  }
  return { allowed: false };
}
