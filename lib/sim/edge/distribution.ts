/**
 * The CloudFront distribution around the edge location a request meets: each edge location's cache, Origin Shield,
 * the origin group's failover criteria, the edge functions and what an invalidation removes. Built once per world
 * from the scenario; the caches and Lambda@Edge's execution environments change as the run goes on.
 *
 * Every default leaves the distribution as it always was: one edge location, and its origin fetch plain (`direct`),
 * so a run that uses none of this pays nothing for it.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { EdgeCache } from '../cache/edge-cache';
import { edgeFunctionsFor, type EdgeFunctions } from './edge-functions';
import { invalidate, parseInvalidationPaths, type InvalidationPath } from './invalidation';
import { failoverCriteria, type FailoverCriteria } from './origin-group';
import type { OriginShield } from './origin-shield';

export interface CloudFrontDistribution {
  /** One cache per edge location; a single run, and the first edge location of a traffic run, use the first. */
  readonly locations: readonly EdgeCache[];
  readonly originShield: OriginShield | null;
  /** The origin group's criteria; null when there is no origin group. */
  readonly failover: FailoverCriteria | null;
  /** The functions on each trigger point; null when there are none. */
  readonly functions: EdgeFunctions | null;
  readonly invalidationPaths: readonly InvalidationPath[];
  /** Nothing stands between an edge location's cache and the origin: no Origin Shield, origin group or origin function. */
  readonly direct: boolean;
}

/** `clock` is simulated time as epoch ms; each edge location holds `edgeCapacity` objects. */
export function buildDistribution(scenario: Scenario, clock: () => number, edgeCapacity: number, edgeLocations: number): CloudFrontDistribution {
  const { cdn, cache, connections } = scenario;
  const locations = Array.from({ length: edgeLocations }, () => new EdgeCache(clock, cache, edgeCapacity));
  const originShield: OriginShield | null = cdn.originShield
    ? { cache: new EdgeCache(clock, cache, cdn.originShieldCapacity), inFlight: new Map(), oneWayMs: cdn.originShieldRttMs / 2 }
    : null;
  const failover = cdn.originGroup ? failoverCriteria(cdn.failoverOn) : null;
  const functions = edgeFunctionsFor(cdn, connections === 'warm');
  return {
    locations,
    originShield,
    failover,
    functions,
    invalidationPaths: parseInvalidationPaths(cdn.invalidationPaths),
    direct: !originShield && !failover && !functions?.['origin-request'] && !functions?.['origin-response'],
  };
}

/** Carries out an invalidation at every edge location and at Origin Shield; returns how many copies went. */
export function invalidateDistribution(distribution: CloudFrontDistribution): number {
  const caches = distribution.originShield ? [...distribution.locations, distribution.originShield.cache] : distribution.locations;
  return invalidate(caches, distribution.invalidationPaths);
}
