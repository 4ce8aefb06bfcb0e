/**
 * Which guards each calling edge has, and whose they are. Built once with the world.
 *
 * Whose: a client library's breaker, bulkhead, retry quota and fallback cache live in the memory of the process that
 * calls, shared by every request that process serves. So:
 * - the app's calls to the database and to the payments API have one set per pod: a pod runs one Node.js process,
 *   and three pods are three breakers that each see a third of the calls, open on their own and probe on their own;
 * - the browser's calls have one set per visitor, new with each visitor: a browser's library sees only its own
 *   visitor's calls. So a breaker there can only stop that visitor's own retries, and its retry quota never runs dry.
 *
 * An edge with no pattern on has no guards at all (null), so a run without them costs nothing.
 */
import type { RetryLayer, Scenario } from '@/lib/scenario/schema';
import { OpossumBreaker, Resilience4jBreaker, type CircuitBreaker } from './breaker';
import { SemaphoreBulkhead } from './bulkhead';
import { FallbackStore } from './fallback';
import { RetryQuota } from './retry-quota';

export type ResilienceSettings = Scenario['resilience'];

/** The guards on one calling edge of one process. */
export interface EdgeGuards {
  readonly edge: RetryLayer;
  /** Whose they are, as the narration says it: "Pod 2", "The visitor's browser". */
  readonly owner: string;
  readonly breaker: CircuitBreaker | null;
  readonly bulkhead: SemaphoreBulkhead | null;
  readonly quota: RetryQuota | null;
  readonly fallback: FallbackStore | null;
}

export interface Resilience {
  /** The guards pod `index` holds on its calls to the database or the payments API; null when none is on there. */
  atPod(index: number, edge: 'db' | 'thirdparty'): EdgeGuards | null;
  /** A new visitor's browser's guards; null when none is on at the browser. */
  forVisitor(nowMs: number): EdgeGuards | null;
  /** How many of the pods' breakers are not closed: open, or half-open and probing. */
  openBreakers(): number;
}

function breakerFor(s: ResilienceSettings, createdAtMs: number): CircuitBreaker | null {
  switch (s.breaker) {
    case 'off':
      return null;
    case 'resilience4j':
      return new Resilience4jBreaker({
        failureRateThreshold: s.failureRate,
        slowCallRateThreshold: s.slowRate,
        slowCallDurationThresholdMs: s.slowCallMs,
        slidingWindowSize: s.slidingWindow,
        minimumNumberOfCalls: s.minCalls,
        waitDurationInOpenStateMs: s.openWaitMs,
        permittedNumberOfCallsInHalfOpenState: s.halfOpenCalls,
      });
    case 'opossum':
      return new OpossumBreaker(
        {
          errorThresholdPercentage: s.errorPercent,
          trialAfterMs: s.trialAfterMs,
          rollingCountTimeoutMs: s.rollingWindowMs,
          rollingCountBuckets: s.rollingBuckets,
          volumeThreshold: s.volumeThreshold,
        },
        createdAtMs,
      );
  }
}

/** Which patterns are on at an edge. */
function patternsAt(s: ResilienceSettings, retryLayers: readonly RetryLayer[], edge: RetryLayer) {
  return {
    breaker: s.breaker !== 'off' && s.breakerAt.includes(edge),
    bulkhead: s.bulkhead > 0 && s.bulkheadAt.includes(edge),
    // The quota belongs to a retry strategy: an edge that does not retry has none to spend.
    quota: s.retryQuota === 'on' && retryLayers.includes(edge),
    fallback: s.fallback !== 'none' && s.fallbackAt.includes(edge),
  };
}

function guardsAt(s: ResilienceSettings, retryLayers: readonly RetryLayer[], edge: RetryLayer, owner: string, createdAtMs: number): EdgeGuards | null {
  const on = patternsAt(s, retryLayers, edge);
  if (!on.breaker && !on.bulkhead && !on.quota && !on.fallback) return null;
  return {
    edge,
    owner,
    breaker: on.breaker ? breakerFor(s, createdAtMs) : null,
    bulkhead: on.bulkhead ? new SemaphoreBulkhead(s.bulkhead) : null,
    quota: on.quota ? new RetryQuota() : null,
    fallback: on.fallback && s.fallback !== 'none' ? new FallbackStore(s.fallback, s.fallbackTtlS * 1000) : null,
  };
}

export function buildResilience(settings: ResilienceSettings, retryLayers: readonly RetryLayer[], pods: number): Resilience {
  const perPod = Array.from({ length: pods }, (_, index) => ({
    db: guardsAt(settings, retryLayers, 'db', `Pod ${index + 1}`, 0),
    thirdparty: guardsAt(settings, retryLayers, 'thirdparty', `Pod ${index + 1}`, 0),
  }));
  const breakers = perPod.flatMap((p) => [p.db?.breaker, p.thirdparty?.breaker]).filter((b): b is CircuitBreaker => Boolean(b));
  const atBrowser = guardsAt(settings, retryLayers, 'browser', '', 0) !== null;
  return {
    atPod: (index, edge) => perPod[index]![edge],
    forVisitor: (nowMs) => (atBrowser ? guardsAt(settings, retryLayers, 'browser', "The visitor's browser", nowMs) : null),
    openBreakers() {
      let open = 0;
      for (const breaker of breakers) if (breaker.state !== 'CLOSED') open += 1;
      return open;
    },
  };
}
