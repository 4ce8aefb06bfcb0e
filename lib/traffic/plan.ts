/**
 * What a traffic run is asked to do, read from the scenario: how many visitors arrive and when, what they ask
 * for, and what happens to the system along the way. Every single-request setting (cache, WAF, database, retries,
 * timeouts) still applies to each request; the world is built from the same scenario.
 */
import type { Scenario } from '@/lib/scenario/schema';

export type TimelineEntry = Scenario['traffic']['timeline'][number];

export interface TrafficPlan {
  /** Poisson arrivals per second. */
  rate: number;
  durationS: number;
  /** Seconds at the start left out of the summary (the series keeps them). */
  warmupS: number;
  kind: Scenario['request']['kind'];
  staticShare: number;
  objects: number;
  zipf: number;
  attackShare: number;
  timeline: readonly TimelineEntry[];
  invalidationDelayS: number;
}
