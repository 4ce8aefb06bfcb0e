/**
 * Traffic runs held to queueing and caching theory. Fixed seeds and stated tolerances: each check can fail, and
 * none depends on the machine's speed. The tolerances are a few standard errors of the run's own length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioWith } from '@/lib/testing/scenario';
import { planOf, replayRequest, runTraffic, runTrafficSync, shapeOf } from './index';
import { TrafficRun } from './run';
import { stationFigures } from './metrics';
import { TraceRecorder } from '@/lib/sim/recorder';
import { cheHitRatio, erlangC, ttlHitRatio } from './theory';
import { createZipf } from './zipf';

type Changes = Parameters<typeof scenarioWith>[0];

function traffic(changes: Changes): Scenario {
  return scenarioWith({ mode: 'traffic', ...changes });
}

/**
 * Every API request reaches one pod whose CPU time is exponential and nothing else queues: the app's event loop is
 * an M/M/1 station. Caching off, WAF off, a pool far larger than the load needs, no timeouts and no retries.
 */
function mm1(rate: number, meanCpuMs: number, durationS: number, seed = 11): Scenario {
  return traffic({
    seed,
    request: { kind: 'api' },
    waf: { mode: 'off' },
    cache: { state: 'off' },
    app: { pods: 1, pool: 100 },
    timeoutMs: 0,
    retry: { layers: [] },
    latency: { appWorkMs: meanCpuMs },
    traffic: { rate, durationS, warmupS: 0, appDist: 'exp', dbDist: 'const', objects: 100 },
  });
}

describe('a traffic run', () => {
  it('is deterministic: the same scenario gives the same JSON', () => {
    const s = traffic({ request: { kind: 'mix' }, traffic: { rate: 80, durationS: 20, attackShare: 0.1, appDist: 'lognormal', dbDist: 'exp' } });
    expect(JSON.stringify(runTrafficSync(s))).toBe(JSON.stringify(runTrafficSync(s)));
  });

  it('reports progress, and the async run equals the synchronous one', async () => {
    const s = traffic({ request: { kind: 'mix' }, traffic: { rate: 400, durationS: 30 } });
    const seen: number[] = [];
    const result = await runTraffic(s, { onProgress: (p) => seen.push(p.simulatedMs) });
    expect(result).toEqual(runTrafficSync(s));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(30_000);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const s = traffic({ request: { kind: 'mix' }, traffic: { rate: 500, durationS: 600 } });
    const run = runTraffic(s, { signal: controller.signal, onProgress: () => controller.abort(new Error('stopped by the test')) });
    await expect(run).rejects.toThrow('stopped by the test');
  });

  it('replays a sampled request exactly as it went inside the run', () => {
    const s = traffic({
      request: { kind: 'mix' },
      cache: { cacheControl: 'public, max-age=5', capacity: 40 },
      db: { behaviour: 'ok' },
      app: { pods: 2, pool: 3 },
      traffic: { rate: 150, durationS: 20, warmupS: 2, objects: 200, attackShare: 0.1, appDist: 'exp', dbDist: 'exp', timeline: [{ atS: 6, action: 'db-slow' }, { atS: 12, action: 'db-ok' }] },
    });
    const answers = new Map<string, { status: number | null; latencyMs: number }>();
    const run = new TrafficRun(s, planOf(s), shapeOf(s), undefined, (arrival, status, latencyMs) => answers.set(arrival.id, { status, latencyMs }));
    while (run.advance(10_000));
    const { samples } = run.result();
    expect(samples.length).toBe(16);
    // Replaying reruns the traffic up to the request, so a handful of samples is enough to hold it to.
    for (const id of samples.slice(0, 8)) {
      const replay = replayRequest(s, id)!;
      const inRun = answers.get(id)!;
      expect(replay.status).toBe(inRun.status);
      expect(replay.latencyMs).toBeCloseTo(inRun.latencyMs, 3);
      expect(replay.events[0]!.t).toBe(0);
      expect(replay.events.every((e) => e.requestId === id || e.requestId.startsWith(`${id}.`))).toBe(true);
    }
    expect(replayRequest(s, 't999999')).toBeNull();
  });

  it('gives the same result whichever recorder keeps it: counting alone changes nothing that happens', () => {
    const s = traffic({
      request: { kind: 'mix' },
      cache: { cacheControl: 'public, max-age=3', capacity: 30 },
      app: { pods: 2, pool: 2 },
      traffic: { rate: 120, durationS: 15, objects: 100, attackShare: 0.1, appDist: 'exp', dbDist: 'lognormal', timeline: [{ atS: 4, action: 'db-slow' }, { atS: 9, action: 'origin-5xx' }, { atS: 11, action: 'origin-ok' }] },
    });
    const traced = new TrafficRun(s, planOf(s), shapeOf(s), new TraceRecorder());
    while (traced.advance(10_000));
    expect(traced.result()).toEqual(runTrafficSync(s));
  });

  it('keeps the attack share out at the WAF and the rest flowing', () => {
    const { summary } = runTrafficSync(traffic({ request: { kind: 'mix' }, traffic: { rate: 100, durationS: 60, attackShare: 0.2 } }));
    expect(summary.statuses['403']! / summary.requests).toBeCloseTo(0.2, 1);
    expect(summary.statuses['200']! + summary.statuses['403']!).toBe(summary.requests);
  });

  it('collapses concurrent misses for one object into one origin request', () => {
    // One object, requests far more often than the origin answers: a miss in flight is shared, so the origin sees
    // one request per expiry, not one per visitor.
    const { summary } = runTrafficSync(traffic({ request: { kind: 'api' }, cache: { cacheControl: 'public, max-age=1' }, traffic: { rate: 500, durationS: 20, objects: 1 } }));
    // Each second the copy expires once: about 20 origin requests for 10,000 visitors.
    expect(summary.originRequests).toBeLessThan(60);
  });
});

describe('the proofs', () => {
  it('M/M/1 at a pod: time in system is exponential with rate μ − λ (mean, p50, p99)', () => {
    const lambda = 60; // per second
    const meanCpuMs = 10; // μ = 100 per second
    const { summary } = runTrafficSync(mm1(lambda, meanCpuMs, 1000));
    const app = summary.byNode.app;
    const expectedMs = 1000 / (100 - lambda); // 25 ms
    expect(app.meanInSystemMs).toBeGreaterThan(expectedMs * 0.95);
    expect(app.meanInSystemMs).toBeLessThan(expectedMs * 1.05);
    expect(app.utilization).toBeCloseTo(0.6, 1);
    // End to end, every request adds the same network and database time to its time at the pod. A run so slow
    // that nobody queues, with the CPU time fixed, gives that constant.
    const quiet = runTrafficSync({ ...mm1(0.5, meanCpuMs, 40), traffic: { ...mm1(0.5, meanCpuMs, 40).traffic, appDist: 'const' } });
    const constant = quiet.summary.latency.p50 - meanCpuMs;
    const quantile = (p: number) => (-Math.log(1 - p) * 1000) / (100 - lambda);
    expect(summary.latency.p50 - constant).toBeGreaterThan(quantile(0.5) * 0.93);
    expect(summary.latency.p50 - constant).toBeLessThan(quantile(0.5) * 1.07);
    expect(summary.latency.p99 - constant).toBeGreaterThan(quantile(0.99) * 0.9);
    expect(summary.latency.p99 - constant).toBeLessThan(quantile(0.99) * 1.1);
  }, 120_000);

  it('M/M/c at the database pool: Erlang C, c = 10, λ = 8/s, μ ≈ 1/s gives P(wait) ≈ 0.41 and Wq ≈ 0.2/μ', () => {
    const s = traffic({
      seed: 5,
      request: { kind: 'api' },
      waf: { mode: 'off' },
      cache: { state: 'off' },
      app: { pods: 1, pool: 10 },
      timeoutMs: 0,
      retry: { layers: [] },
      latency: { appWorkMs: 0, dbQueryMs: 1000 },
      traffic: { rate: 8, durationS: 4000, warmupS: 100, dbDist: 'exp', objects: 10 },
    });
    const { db } = runTrafficSync(s).summary.byNode;
    // A connection is held for the query and its two legs inside the VPC: the offered load uses the measured mean.
    const offered = 8 * (db.meanServiceMs / 1000);
    const pWait = erlangC(10, offered);
    expect(pWait).toBeCloseTo(0.41, 1);
    expect(db.waitedShare).toBeGreaterThan(pWait - 0.03);
    expect(db.waitedShare).toBeLessThan(pWait + 0.03);
    const wqMs = (pWait / (10 / (db.meanServiceMs / 1000) - 8)) * 1000;
    expect(db.meanWaitMs).toBeGreaterThan(wqMs * 0.85);
    expect(db.meanWaitMs).toBeLessThan(wqMs * 1.15);
  }, 120_000);

  it("Little's law holds at every station of random traffic runs: L = λW", () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 10_000 }),
          rate: fc.integer({ min: 20, max: 300 }),
          pods: fc.integer({ min: 1, max: 4 }),
          pool: fc.integer({ min: 1, max: 8 }),
          appWorkMs: fc.integer({ min: 1, max: 30 }),
          dbQueryMs: fc.integer({ min: 1, max: 200 }),
          kind: fc.constantFrom('api' as const, 'mix' as const),
          appDist: fc.constantFrom('const' as const, 'exp' as const, 'lognormal' as const),
          dbDist: fc.constantFrom('const' as const, 'exp' as const, 'lognormal' as const),
        }),
        ({ seed, rate, pods, pool, appWorkMs, dbQueryMs, kind, appDist, dbDist }) => {
          const s = traffic({
            seed,
            request: { kind },
            cache: { cacheControl: 'public, max-age=2' },
            app: { pods, pool },
            latency: { appWorkMs, dbQueryMs },
            traffic: { rate, durationS: 30, appDist, dbDist, objects: 50 },
          });
          const run = new TrafficRun(s, planOf(s), shapeOf(s));
          while (run.advance(10_000));
          // Over the whole run, drained, every request that arrived at a station also left it.
          for (const resources of [run.ctx.world.pods.map((p) => p.cpu), run.ctx.world.pods.map((p) => p.pool)]) {
            const f = stationFigures(resources);
            if (f.arrivals === 0) continue;
            const littleL = f.arrivalRate * (f.meanInSystemMs / 1000);
            expect(Math.abs(f.meanInSystem - littleL)).toBeLessThan(1e-9 + f.meanInSystem * 0.001);
          }
        },
      ),
      { numRuns: 12, seed: 20261130 },
    );
  }, 120_000);

  it("an LRU edge cache under Zipf requests hits as often as Che's approximation predicts", () => {
    // Static files that stay fresh all run long, so only capacity decides: Zipf 0.8 over 2,000 objects, 200 slots.
    const objects = 2000;
    const capacity = 200;
    const { summary } = runTrafficSync(
      traffic({
        request: { kind: 'static' },
        cache: { cacheControl: 'public, max-age=86400', capacity },
        traffic: { rate: 1000, durationS: 45, warmupS: 5, objects, zipf: 0.8 },
      }),
    );
    const zipf = createZipf(objects, 0.8);
    const predicted = cheHitRatio(Array.from({ length: objects }, (_, i) => zipf.probability(i + 1)), capacity).hitRatio;
    expect(Math.abs(summary.hitRatio - predicted)).toBeLessThan(0.01);
  }, 120_000);

  it('the TTL cache hit ratio for one object with Poisson arrivals is λT/(1+λT)', () => {
    // One object, a TTL of T seconds set on each miss (max-age). The formula assumes the copy is back the moment
    // it is missed; a real fetch takes the origin's time (here the app also reads the payments API), during which
    // visitors wait instead of hitting: with a fetch of L the ratio is λT/(1+λ(T+L)). Every latency is set to its
    // 1 ms floor, so L is a few milliseconds out of T.
    const rate = 0.5;
    const ttlS = 4;
    const floor = { browserEdgeRttMs: 1, edgeOriginRttMs: 1, vpcRttMs: 1, dbQueryMs: 1, appWorkMs: 0, thirdPartyRttMs: 1, thirdPartyWorkMs: 1 };
    const { summary } = runTrafficSync(
      traffic({ request: { kind: 'api' }, latency: floor, cache: { cacheControl: `public, max-age=${ttlS}` }, traffic: { rate, durationS: 20_000, warmupS: 100, objects: 1 } }),
    );
    expect(summary.hitRatio).toBeGreaterThan(ttlHitRatio(rate, ttlS) - 0.015);
    expect(summary.hitRatio).toBeLessThan(ttlHitRatio(rate, ttlS) + 0.015);
  }, 120_000);
});
