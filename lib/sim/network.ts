/**
 * Where each service sits on the network: the Region, the VPC and its subnets across two Availability Zones, the
 * CloudFront edge location, each service's address and security groups, and each subnet's network ACL. The
 * diagram draws its zones from this; the inspector takes addresses from it. Services on the internet (the
 * browser, DNS, S3, the payments API) and at the edge location are outside the VPC.
 *
 * Addresses come from ranges reserved for documentation and private networks, so they can never belong to a real
 * host: 198.51.100.0/24 and 192.0.2.0/24 (RFC 5737) on the internet, 10.0.0.0/8 (RFC 1918) inside the VPC.
 */
import type { NetworkRules } from '@/lib/scenario/network-rules';
import type { DbEngine } from '@/lib/scenario/schema';
import { networkAcl, type NetworkAcl } from './net/nacl';
import type { SecurityGroupId } from './net/security-groups';
import { ALB_PRIVATE_IP, APP_TARGET, BROWSER_IP, EDGE_IP, REGION, WEB_TARGET } from './site';
import type { NodeId } from './types';

/**
 * An Application Load Balancer needs subnets in at least two Availability Zones (Elastic Load Balancing, User
 * Guide for Application Load Balancers, "Availability Zones"), as do an RDS DB subnet group (Amazon RDS User Guide,
 * "Working with DB subnet groups") and an EKS cluster (Amazon EKS User Guide, "VPC and subnet requirements").
 * The request in the simulation runs through the first.
 */
export const AVAILABILITY_ZONES = [`${REGION}a`, `${REGION}b`] as const;
export type AvailabilityZone = (typeof AVAILABILITY_ZONES)[number];

/** A private range (RFC 1918), and /16 is the largest block a VPC can have (Amazon VPC User Guide, "VPC CIDR blocks"). */
export const VPC = { region: REGION, cidr: '10.0.0.0/16' } as const;

export const SUBNET_IDS = ['public-a', 'public-b', 'app-a', 'app-b', 'data-a', 'data-b'] as const;
export type SubnetId = (typeof SUBNET_IDS)[number];

export interface Subnet {
  id: SubnetId;
  /** Its Name tag: what the diagram's zone says. */
  name: string;
  cidr: string;
  az: AvailabilityZone;
  /** Its route table sends 0.0.0.0/0 to the internet gateway (Amazon VPC User Guide, "Subnets for your VPC"). */
  public: boolean;
  /** The network ACL it is associated with: exactly one per subnet, one may serve many. */
  nacl: NaclId;
}

/**
 * One network ACL per tier, associated with that tier's subnets in both zones, and the scenario's setting that
 * holds its rules. By default each has the rules of the VPC's default ACL (lib/scenario/network-rules.ts).
 */
export const NETWORK_ACL_SETTINGS = { 'acl-public': 'naclPublic', 'acl-app': 'naclApp', 'acl-data': 'naclData' } as const satisfies Record<string, keyof NetworkRules>;
export type NaclId = keyof typeof NETWORK_ACL_SETTINGS;

/** The network ACLs as a scenario's rules make them, by id. */
export function networkAcls(network: NetworkRules, engine: DbEngine): Readonly<Record<NaclId, NetworkAcl>> {
  const acl = (id: NaclId) => networkAcl(id, network[NETWORK_ACL_SETTINGS[id]], engine);
  return { 'acl-public': acl('acl-public'), 'acl-app': acl('acl-app'), 'acl-data': acl('acl-data') };
}

/** A /24 per tier and zone (*assumed*): the third byte's tens say the tier, its units the Availability Zone. */
export const SUBNETS: Readonly<Record<SubnetId, Subnet>> = {
  'public-a': { id: 'public-a', name: 'Public subnet', cidr: '10.0.1.0/24', az: AVAILABILITY_ZONES[0], public: true, nacl: 'acl-public' },
  'public-b': { id: 'public-b', name: 'Public subnet', cidr: '10.0.2.0/24', az: AVAILABILITY_ZONES[1], public: true, nacl: 'acl-public' },
  'app-a': { id: 'app-a', name: 'Private app subnet', cidr: '10.0.21.0/24', az: AVAILABILITY_ZONES[0], public: false, nacl: 'acl-app' },
  'app-b': { id: 'app-b', name: 'Private app subnet', cidr: '10.0.22.0/24', az: AVAILABILITY_ZONES[1], public: false, nacl: 'acl-app' },
  'data-a': { id: 'data-a', name: 'Private data subnet', cidr: '10.0.31.0/24', az: AVAILABILITY_ZONES[0], public: false, nacl: 'acl-data' },
  'data-b': { id: 'data-b', name: 'Private data subnet', cidr: '10.0.32.0/24', az: AVAILABILITY_ZONES[1], public: false, nacl: 'acl-data' },
};

export type ZoneKind = 'edge-location' | 'vpc' | 'public-subnet' | 'private-subnet';
export type ZoneId = 'pop' | 'vpc' | SubnetId;

/** A place that holds services: the edge location, the VPC, or one of its subnets. */
export interface Zone {
  id: ZoneId;
  kind: ZoneKind;
  title: string;
  /** The zone it sits in, or null. */
  parent: ZoneId | null;
}

export const NETWORK_ZONES: readonly Zone[] = [
  { id: 'pop', kind: 'edge-location', title: 'CloudFront edge location', parent: null },
  { id: 'vpc', kind: 'vpc', title: `VPC ${VPC.cidr}`, parent: null },
  ...SUBNET_IDS.map((id): Zone => ({ id, kind: SUBNETS[id].public ? 'public-subnet' : 'private-subnet', title: SUBNETS[id].name, parent: 'vpc' })),
];

export interface Placement {
  /** The innermost zone it sits in, or null on the open internet. */
  zone: ZoneId | null;
  /** The IPv4 address it answers on; null for Shield and the WAF, which work inline at the edge location. */
  address: string | null;
  /** The security groups on its network interface (only services inside the VPC have any). */
  securityGroups: readonly SecurityGroupId[];
}

/**
 * Every service's place. The load balancer has a node in each public subnet; the one in the first answers this
 * request. Nginx and the app are pods on EKS nodes in the private app subnets.
 */
export const PLACEMENT: Readonly<Record<NodeId, Placement>> = {
  browser: { zone: null, address: BROWSER_IP, securityGroups: [] },
  /** The name server the diagram draws as Route 53. */
  dns: { zone: null, address: '192.0.2.53', securityGroups: [] },
  shield: { zone: 'pop', address: null, securityGroups: [] },
  waf: { zone: 'pop', address: null, securityGroups: [] },
  edge: { zone: 'pop', address: EDGE_IP, securityGroups: [] },
  /** The S3 endpoint the edge fetches /static/* from. */
  s3: { zone: null, address: '192.0.2.181', securityGroups: [] },
  alb: { zone: 'public-a', address: ALB_PRIVATE_IP, securityGroups: ['sg-alb'] },
  web: { zone: 'app-a', address: WEB_TARGET, securityGroups: ['sg-web'] },
  app: { zone: 'app-a', address: APP_TARGET, securityGroups: ['sg-app'] },
  /** The RDS instance. */
  db: { zone: 'data-a', address: '10.0.31.84', securityGroups: ['sg-db'] },
  thirdparty: { zone: null, address: '198.51.100.200', securityGroups: [] },
};

export function addressOf(node: NodeId): string | null {
  return PLACEMENT[node].address;
}

/** The subnet a service sits in, or null outside the VPC. */
export function subnetOf(node: NodeId): Subnet | null {
  const zone = PLACEMENT[node].zone;
  return zone !== null && zone in SUBNETS ? SUBNETS[zone as SubnetId] : null;
}
