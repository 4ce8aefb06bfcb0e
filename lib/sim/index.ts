/** The engine's public surface. Pure TypeScript: no UI framework, no DOM, no wall clock, no global random source. */
export { runScenario, tallyScenario, type SimTally } from './run';
export { NODES, links, linkFor, PROXIES } from './topology';
export type { NodeInfo, LinkInfo } from './topology';
export { addressOf, AVAILABILITY_ZONES, NETWORK_ACLS, NETWORK_ZONES, PLACEMENT, subnetOf, SUBNETS, VPC } from './network';
export type { Placement, Subnet, SubnetId, Zone, ZoneId, ZoneKind } from './network';
export { securityGroups } from './net/security-groups';
export type { SecurityGroup, SecurityGroupId, SgRule } from './net/security-groups';
export type * from './types';
export { NODE_IDS } from './types';
