/** The engine's public surface. Pure TypeScript: no UI framework, no DOM, no wall clock, no global random source. */
export { runScenario } from './run';
export { NODES, links, linkFor, DB_PORTS, DB_ENGINE_LABELS, PROXIES } from './topology';
export type { NodeInfo, LinkInfo } from './topology';
export type * from './types';
export { NODE_IDS } from './types';
