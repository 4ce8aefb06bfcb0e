/**
 * Resilience patterns in traffic, held to what their semantics predict: retries multiply down the layers and the
 * retry quota caps them; a breaker cuts the calls reaching a dead dependency to its trial calls; a bulkhead caps the
 * calls under way. Fixed seeds; the exact counts follow from the rules, the rest have stated tolerances.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioWith } from '@/lib/testing/scenario';
import { TraceRecorder } from '@/lib/sim/recorder';
import { planOf, runTrafficSync, shapeOf, type SeriesPoint, type TrafficResult } from './index';
import { TrafficRun } from './run';
import { retryAmplification } from './theory';

type Changes = NonNullable<Parameters<typeof scenarioWith>[0]>;

/** Every request is an API read that reaches a pod: no cache in the way, no other cause of failure. */
function apiTraffic(changes: Changes): Scenario {
  return scenarioWith({ mode: 'traffic', request: { kind: 'api' }, cache: { state: 'off' }, ...changes, traffic: { rate: 20, durationS: 30, ...changes.traffic } });
}

/**
 * Calls made on an edge in the stretches from `fromS` to `toS`, read from the series. The last stretch runs on
 * until the run drains, so it is left out of these sums.
 */
const callsBetween = ({ series, bucketS }: TrafficResult, fromS: number, toS: number, perS: (p: SeriesPoint) => number) =>
  Math.round(series.filter((p) => p.t >= fromS && p.t < toS).reduce((sum, p) => sum + perS(p) * bucketS, 0));

describe('retries at several layers', () => {
  const dbDown = (resilience: Changes['resilience'] = {}) => apiTraffic({ db: { behaviour: 'down' }, retry: { layers: ['browser', 'db'], attempts: 3 }, resilience });

  it('multiply: three tries in the browser times three in the app are 3² = 9 database calls a request', () => {
    const { summary } = runTrafficSync(dbDown());
    expect(summary.statuses).toEqual({ 503: summary.requests });
    expect(summary.calls.browser).toBe(3 * summary.requests);
    expect(summary.calls.db).toBe(retryAmplification(3, 2) * summary.requests);
    expect(summary.retriesDenied).toBe(0);
  });

  it('are capped by the AWS SDK retry quota: each pod pays for 500 / 10 = 50 retries after timeouts, then none', () => {
    const { summary } = runTrafficSync(dbDown({ retryQuota: 'on' }));
    const pods = 3;
    // Nothing succeeds, so nothing is given back: the app's retries are exactly what the pods' buckets held.
    expect(summary.calls.db - summary.calls.browser).toBe(pods * (500 / 10));
    expect(summary.retriesDenied).toBeGreaterThan(summary.calls.browser - pods * 50 - 1);
  });

  it('show in the series: during an outage the app calls the database three times for each call the browser makes', () => {
    const { series } = runTrafficSync(apiTraffic({ db: { behaviour: 'down' }, retry: { layers: ['browser', 'db'] }, traffic: { rate: 20, durationS: 60 } }));
    const late = series.slice(30, 60);
    const ratio = late.reduce((sum, p) => sum + p.dbCallsPerS, 0) / late.reduce((sum, p) => sum + p.browserCallsPerS, 0);
    expect(ratio).toBeCloseTo(3, 1);
  });
});

describe('a circuit breaker in front of a dead payments API', () => {
  const paymentsDown = (resilience: Changes['resilience'], durationS: number) =>
    apiTraffic({ thirdParty: { behaviour: 'down' }, resilience: { breakerAt: ['thirdparty'], ...resilience }, traffic: { rate: 50, durationS } });

  it('lets one trial call per resetTimeout through, per pod, once opossum has opened', () => {
    const pods = 3;
    const durationS = 60;
    for (const trialAfterMs of [30_000, 10_000]) {
      const result = runTrafficSync(paymentsDown({ breaker: 'opossum', trialAfterMs }, durationS));
      // Each pod opens within the first second, after a few calls (errors must exceed half of the calls fired).
      expect(result.series[1]!.breakersOpen).toBe(pods);
      // Then one failing trial every resetTimeout (plus the moment it takes the next call to come): up to the last
      // whole stretch, ⌊(T − 1) / resetTimeout⌋ per pod.
      const trials = callsBetween(result, 1, durationS - 1, (p) => p.paymentsCallsPerS);
      expect(Math.abs(trials - pods * Math.floor((durationS - 1) / (trialAfterMs / 1000)))).toBeLessThanOrEqual(pods);
      // Every failed trial opens it again, those the last requests make after the arrivals stop included.
      expect(result.summary.breakerOpens).toBe(pods + result.summary.calls.payments - callsBetween(result, 0, 1, (p) => p.paymentsCallsPerS));
    }
    // Without it, every request knocks 3 × 3 times: the browser's tries times the app's.
    const without = runTrafficSync(paymentsDown({}, 10)).summary;
    expect(without.calls.payments).toBe(9 * without.requests);
  });

  it('lets resilience4j’s minimum of 100 calls through before it opens, then 10 trial calls every 60 s, per pod', () => {
    const pods = 3;
    const result = runTrafficSync(paymentsDown({ breaker: 'resilience4j' }, 130));
    expect(result.series[3]!.breakersOpen).toBe(pods);
    // Calls already under way when the 100th failure opens it are made too, so a few more than 100 before.
    const before = callsBetween(result, 0, 8, (p) => p.paymentsCallsPerS);
    expect(before).toBeGreaterThanOrEqual(pods * 100);
    expect(before).toBeLessThan(pods * 110);
    // Half-open after 60 s and again after 120 s: exactly the 10 permitted trials each time, all failing.
    expect(result.summary.calls.payments - before).toBe(pods * 2 * 10);
    expect(result.summary.breakerOpens).toBe(pods * 3);
  });

  it('with a stale fallback, serves the last good subscription instead of 502s', () => {
    const s = scenarioWith({
      mode: 'traffic',
      request: { kind: 'api' },
      resilience: { breaker: 'opossum', breakerAt: ['thirdparty'], fallback: 'stale', fallbackAt: ['thirdparty'] },
      traffic: { rate: 50, durationS: 60, timeline: [{ atS: 20, action: 'payments-down' }] },
    });
    const result = runTrafficSync(s);
    const { summary, series } = result;
    expect(summary.statuses).toEqual({ 200: summary.requests });
    expect(summary.fallbacks).toBeGreaterThanOrEqual(summary.breakerRejections);
    expect(summary.breakerRejections).toBeGreaterThan(0);
    expect(series.slice(25).every((p) => p.breakersOpen === 3)).toBe(true);
    // Once open, only the trials reach the payments API: one per pod 30 s after each opened, at about 50 s.
    expect(callsBetween(result, 25, 59, (p) => p.paymentsCallsPerS)).toBe(3);
  });
});

describe('a bulkhead', () => {
  it('caps the calls under way: with every call held to the 2 s timeout, a pod makes at most B calls every 2 s', () => {
    const pods = 3;
    const bulkhead = 2;
    const durationS = 60;
    const result = runTrafficSync(apiTraffic({ db: { behaviour: 'slow' }, resilience: { bulkhead, bulkheadAt: ['db'] }, traffic: { rate: 50, durationS } }));
    const { summary } = result;
    // The slow query takes 4 s, so each call holds its permit until the app's 2 s timeout: a permit starts at most one call every 2 s.
    const made = callsBetween(result, 0, durationS - 2, (p) => p.dbCallsPerS);
    const ceiling = pods * bulkhead * ((durationS - 2) / 2);
    expect(made).toBeLessThanOrEqual(ceiling);
    expect(made).toBeGreaterThan(0.95 * ceiling);
    expect(summary.bulkheadRejections).toBeGreaterThan(summary.calls.db);
  });
});

describe('the patterns in traffic', () => {
  it('cost nothing when off: no counts, no breakers', () => {
    const { summary, series } = runTrafficSync(apiTraffic({ traffic: { rate: 20, durationS: 10 } }));
    expect([summary.breakerRejections, summary.bulkheadRejections, summary.breakerOpens, summary.fallbacks, summary.retriesDenied]).toEqual([0, 0, 0, 0, 0]);
    expect(summary.calls.browser).toBe(summary.requests);
    expect(series.every((p) => p.breakersOpen === 0 && p.rejectedPerS === 0)).toBe(true);
  });

  it('give the same result whichever recorder keeps it', () => {
    const s = apiTraffic({
      thirdParty: { behaviour: 'down' },
      resilience: { breaker: 'resilience4j', slidingWindow: 10, minCalls: 5, openWaitMs: 2000, bulkhead: 3, fallback: 'stale', retryQuota: 'on', breakerAt: ['browser', 'db', 'thirdparty'] },
      traffic: { rate: 40, durationS: 12, timeline: [{ atS: 3, action: 'db-slow' }, { atS: 6, action: 'db-ok' }] },
    });
    const traced = new TrafficRun(s, planOf(s), shapeOf(s), new TraceRecorder());
    while (traced.advance(10_000));
    expect(traced.result()).toEqual(runTrafficSync(s));
  });
});
