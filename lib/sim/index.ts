/** The engine's public surface. Pure TypeScript: no UI framework, no DOM, no wall clock, no global random source. */
export { runScenario, tallyScenario, type SimTally } from './run';
export { NODES, links, linkFor, PROXIES } from './topology';
export type { NodeInfo, LinkInfo } from './topology';
export { addressOf, NETWORK_ZONES, PLACEMENT } from './network';
export type { Placement, Zone, ZoneId, ZoneKind } from './network';
export type * from './types';
export { NODE_IDS } from './types';
