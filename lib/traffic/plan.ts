/**
 * What a traffic run is asked to do, read from the scenario: how many visitors arrive and when, what they ask
 * for, and what happens to the system along the way. Every single-request setting (cache, WAF, database, retries,
 * timeouts) still applies to each request; the world is built from the same scenario.
 */
import type { Scenario } from '@/lib/scenario/schema';

export type TimelineEntry = Scenario['traffic']['timeline'][number];

/** The scenario's traffic settings, with the kind of request each visitor makes (`mix` draws it per arrival). */
export type TrafficPlan = Scenario['traffic'] & { kind: Scenario['request']['kind'] };
