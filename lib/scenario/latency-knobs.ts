/**
 * The per-hop latencies are *assumed* teaching defaults (FACTS.md, "Connections"), never measurements,
 * so each is a knob: in the sandbox's controls and in share links.
 */
import type { Latency } from './schema';

export interface LatencyKnob {
  /** The share-link parameter. */
  param: string;
  key: keyof Latency;
  label: string;
  min: number;
  max: number;
}

export const LATENCY_KNOBS: readonly LatencyKnob[] = [
  { param: 'rttEdge', key: 'browserEdgeRttMs', label: 'Browser ↔ edge round trip', min: 1, max: 2000 },
  { param: 'rttDns', key: 'dnsRttMs', label: 'Browser ↔ DNS round trip', min: 1, max: 2000 },
  { param: 'rttOrigin', key: 'edgeOriginRttMs', label: 'Edge ↔ origin round trip', min: 1, max: 2000 },
  { param: 'rttVpc', key: 'vpcRttMs', label: 'Round trip inside the VPC', min: 1, max: 100 },
  { param: 'rttApi', key: 'thirdPartyRttMs', label: 'App ↔ payments API round trip', min: 1, max: 2000 },
  { param: 'dbQuery', key: 'dbQueryMs', label: 'Healthy query takes', min: 1, max: 10_000 },
  { param: 'apiWork', key: 'thirdPartyWorkMs', label: 'Healthy payments call takes', min: 1, max: 10_000 },
  { param: 'appWork', key: 'appWorkMs', label: 'App handler takes', min: 0, max: 10_000 },
];
