/**
 * Security groups: the stateful filter on a network interface (Amazon VPC User Guide, "Control traffic to your
 * AWS resources using security groups"). Rules only allow, and a packet passes when any rule of any group on the
 * interface allows it; anything else is dropped. A rule's peer is an address block, an AWS-managed prefix list or
 * another security group (meaning every interface that carries it). Stateful: a reply to a connection the group
 * let through passes whatever the rules say.
 *
 * One group per tier, each opening only the port the tier before it uses, from that tier's group (or, for the load
 * balancer, from CloudFront's origin-facing servers): the defence-stack lesson's table. Nginx and the app run as
 * pods on EKS, each with its own group (Amazon EKS User Guide, "Security groups for Pods"), so the app's port is
 * open to Nginx alone and Nginx's to the load balancer alone.
 */
import type { DbEngine } from '@/lib/scenario/schema';
import { DB_ENGINE_LABELS } from '@/lib/scenario/vocabulary';
import { EDGE_IP } from '../site';
import { linkFor } from '../topology';
import type { NodeId } from '../types';
import { cidrContains } from './cidr';
import { onePort } from './ports';
import { trafficMatches, type Direction, type Packet, type RuleTraffic } from './traffic';

export const SECURITY_GROUP_IDS = ['sg-alb', 'sg-web', 'sg-app', 'sg-db'] as const;
export type SecurityGroupId = (typeof SECURITY_GROUP_IDS)[number];

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
export const CLOUDFRONT_ORIGIN_FACING: PrefixList = {
  name: 'com.amazonaws.global.cloudfront.origin-facing',
  entries: [`${EDGE_IP}/32`],
};

export const PREFIX_LISTS: Readonly<Record<string, PrefixList>> = { [CLOUDFRONT_ORIGIN_FACING.name]: CLOUDFRONT_ORIGIN_FACING };

export type SgPeer = { cidr: string } | { prefixList: string } | { securityGroup: SecurityGroupId };

export type SgRule = RuleTraffic & {
  /** The source of inbound traffic, the destination of outbound (the console's Source and Destination). */
  peer: SgPeer;
  description: string;
};

export interface SecurityGroup {
  id: SecurityGroupId;
  inbound: readonly SgRule[];
  outbound: readonly SgRule[];
}

/** A new security group allows all outbound traffic (Amazon VPC User Guide, "Security group rules"). */
const ALL_OUTBOUND: readonly SgRule[] = [{ protocol: 'all', peer: { cidr: '0.0.0.0/0' }, description: 'All outbound traffic' }];

/** The TCP port of the drawn link between two nodes: what the rule for that hop opens. */
function tcpPort(engine: DbEngine, client: NodeId, server: NodeId) {
  const { port } = linkFor(engine, client, server);
  if (port === null) throw new Error(`The link ${client}–${server} has no port`);
  return { protocol: 'tcp' as const, ports: onePort(port) };
}

/** The groups, with the database's rule opened on the engine's port. */
export function securityGroups(engine: DbEngine): Readonly<Record<SecurityGroupId, SecurityGroup>> {
  return {
    'sg-alb': {
      id: 'sg-alb',
      inbound: [{ ...tcpPort(engine, 'edge', 'alb'), peer: { prefixList: CLOUDFRONT_ORIGIN_FACING.name }, description: 'HTTPS from CloudFront' }],
      outbound: ALL_OUTBOUND,
    },
    'sg-web': {
      id: 'sg-web',
      inbound: [{ ...tcpPort(engine, 'alb', 'web'), peer: { securityGroup: 'sg-alb' }, description: 'HTTP from the load balancer to Nginx' }],
      outbound: ALL_OUTBOUND,
    },
    'sg-app': {
      id: 'sg-app',
      inbound: [{ ...tcpPort(engine, 'web', 'app'), peer: { securityGroup: 'sg-web' }, description: "HTTP from Nginx to the app's port" }],
      outbound: ALL_OUTBOUND,
    },
    'sg-db': {
      id: 'sg-db',
      inbound: [{ ...tcpPort(engine, 'app', 'db'), peer: { securityGroup: 'sg-app' }, description: `${DB_ENGINE_LABELS[engine]} from the app` }],
      outbound: ALL_OUTBOUND,
    },
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
  for (const group of groups) {
    const rule = group[direction].find((r) => trafficMatches(r, packet) && peerMatches(r.peer, packet.peer, peerGroups));
    if (rule) return { allowed: true, by: rule };
  }
  return { allowed: false };
}
