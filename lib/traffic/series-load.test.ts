/**
 * The series' per-node load, stretch by stretch: the pods' event loops (appUtilization, appQueue) against queueing
 * theory, and the packets the network's filters drop (deniedPerS). Fixed seeds and stated tolerances.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/scenario/schema';
import { decodeLink } from '@/lib/scenario/url-codec';
import { scenarioWith } from '@/lib/testing/scenario';
import { runTrafficSync } from './index';
import type { SeriesPoint } from './metrics';

/** Every API request reaches a pod, holds its event loop for an exponential CPU time, and nothing else queues. */
function loops(rate: number, meanCpuMs: number, pods: number, durationS: number): Scenario {
  return scenarioWith({
    mode: 'traffic',
    seed: 23,
    request: { kind: 'api' },
    waf: { mode: 'off' },
    cache: { state: 'off' },
    app: { pods, pool: 100 },
    timeoutMs: 0,
    retry: { layers: [] },
    latency: { appWorkMs: meanCpuMs },
    traffic: { rate, durationS, warmupS: 0, appDist: 'exp', dbDist: 'const', objects: 100 },
  });
}

/** The time average of a figure over the stretches of the arrivals, all but the last, which runs on to the drain. */
function timeAverage(series: readonly SeriesPoint[], pick: (p: SeriesPoint) => number): number {
  const inside = series.slice(0, -1);
  return inside.reduce((sum, p) => sum + pick(p), 0) / inside.length;
}

function byLink(link: string): Scenario {
  const { scenario, notices } = decodeLink(link);
  expect(notices).toEqual([]);
  return scenario;
}

describe("the series' load at the pods", () => {
  it('M/M/1 at one pod: the busy share is ρ = λ·E[S] = 0.6 and the queue ρ²/(1 − ρ) = 0.9, both matching the summary', () => {
    const { series, summary } = runTrafficSync(loops(60, 10, 1, 600));
    const utilization = timeAverage(series, (p) => p.appUtilization);
    const queue = timeAverage(series, (p) => p.appQueue);
    // 36,000 requests: the standard error of ρ is well under 1%, of the queue (a heavy-tailed figure) a few percent.
    expect(utilization).toBeGreaterThan(0.6 * 0.97);
    expect(utilization).toBeLessThan(0.6 * 1.03);
    expect(queue).toBeGreaterThan(0.9 * 0.85);
    expect(queue).toBeLessThan(0.9 * 1.15);
    // The stretches cut the summary's window into pieces: without the last one, their average is within 1% of its figure.
    expect(Math.abs(utilization / summary.byNode.app.utilization - 1)).toBeLessThan(0.01);
    expect(Math.abs(queue / summary.byNode.app.meanQueue - 1)).toBeLessThan(0.03);
  }, 120_000);

  it('is λ·E[S]/pods over several pods: 90/s of 10 ms CPU on three pods keeps each 30% busy', () => {
    const { series } = runTrafficSync(loops(90, 10, 3, 300));
    const utilization = timeAverage(series, (p) => p.appUtilization);
    expect(utilization).toBeGreaterThan(0.3 * 0.97);
    expect(utilization).toBeLessThan(0.3 * 1.03);
    // Each stretch is a time average of a share: never below 0 or above 1.
    for (const p of series) {
      expect(p.appUtilization).toBeGreaterThanOrEqual(0);
      expect(p.appUtilization).toBeLessThanOrEqual(1);
    }
  }, 120_000);

  it("stays right across a warm-up that ends inside a stretch (the stations' windows restart there)", () => {
    // 300 s makes stretches of 3 s; a warm-up of 5 s ends inside the second.
    const s = loops(60, 10, 2, 300);
    const { series, bucketS } = runTrafficSync({ ...s, traffic: { ...s.traffic, warmupS: 5 } });
    expect(bucketS).toBe(3);
    for (const p of series.slice(0, 4)) {
      // 60/s of 10 ms on two pods: each 30% busy; a 3 s stretch of 180 requests is within 30% of it.
      expect(p.appUtilization).toBeGreaterThan(0.3 * 0.7);
      expect(p.appUtilization).toBeLessThan(0.3 * 1.3);
      expect(p.poolInUse).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe("the series' denied packets", () => {
  it('are none when every drawn connection passes (the default network)', () => {
    const { series } = runTrafficSync(byLink('mode=traffic&rate=50&duration=20'));
    expect(series.every((p) => p.deniedPerS === 0)).toBe(true);
  });

  it("count each result a network ACL without ephemeral ports drops: one per pooled connection, while the pools still send", () => {
    // Each query's result to the app's ephemeral port is dropped, so its connection waits for it for ever: each of
    // the 3 pods' 10 connections carries one query, loses its result, and is never given back. After that the pools
    // are dry, no query is sent, and nothing more is dropped.
    const { series, bucketS } = runTrafficSync(byLink('preset=nacl-no-ephemeral&mode=traffic&rate=20&duration=30&pods=3&pool=10'));
    const dropped = series.reduce((sum, p) => sum + p.deniedPerS * bucketS, 0);
    expect(Math.round(dropped)).toBe(30);
    const first = series.findIndex((p) => p.deniedPerS > 0);
    const last = series.findLastIndex((p) => p.deniedPerS > 0);
    expect(first).toBe(0);
    expect(series.slice(last + 1).every((p) => p.deniedPerS === 0 && p.dbCallsPerS > 0 && p.poolInUse === 30)).toBe(true);
  });
});
