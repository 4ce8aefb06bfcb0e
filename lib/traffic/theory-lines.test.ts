/**
 * The theory lines: what each formula is fed from the scenario and the series, held to lib/traffic/theory.ts's
 * values exactly, and the words that say which formula applies and where the run parts from it.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioWith } from '@/lib/testing/scenario';
import { stretchAt as stretch } from '@/lib/testing/series';
import { runTrafficSync } from './index';
import type { StationFigures } from './metrics';
import type { TrafficSummary } from './run';
import { cheHitRatio, erlangC, ttlHitRatio } from './theory';
import { hitRatioTheory, littlesLaw, poolPrediction, theoryLines } from './theory-lines';
import { createZipf } from './zipf';

type Changes = Parameters<typeof scenarioWith>[0];
const traffic = (changes: Changes): Scenario => scenarioWith({ mode: 'traffic', ...changes });
const popularities = (objects: number, exponent: number) => {
  const zipf = createZipf(objects, exponent);
  return Array.from({ length: objects }, (_, i) => zipf.probability(i + 1));
};

describe("the edge's hit ratio", () => {
  it("is Che's approximation when the cache evicts before the TTL: static files kept a day, 200 slots for 2,000 objects", () => {
    const s = traffic({ request: { kind: 'static' }, cache: { cacheControl: 'public, max-age=86400', capacity: 200 }, traffic: { rate: 1000, objects: 2000, zipf: 0.8 } });
    const theory = hitRatioTheory(s)!;
    const che = cheHitRatio(popularities(2000, 0.8), 200);
    expect(theory.hitRatio).toBeCloseTo(che.hitRatio, 12);
    expect(theory.characteristicTimeS).toBeCloseTo(che.characteristicTime / 1000, 12);
    expect(theory.models).toEqual([{ name: 'static files', model: 'che', ttlS: 86_400 }]);
    const [line] = theoryLines({ series: [stretch(0), stretch(1)], bucketS: 1, scenario: s });
    expect(line!.label).toBe("Theory: Che's approximation");
    expect(line!.values).toEqual([theory.hitRatio, theory.hitRatio]);
    expect(line!.model).toBe(
      "Steady hit ratio 40.0% at the edge location, for Zipf 0.8 over 2000 objects and 200 slots: static files follow Che's approximation: the cache evicts a copy left unasked for 0.3 s (its characteristic time), before its 24 h TTL runs out.",
    );
  });

  it('is the TTL model when the cache holds every object: one object asked 0.5 times a second, kept 4 s, hits λT/(1 + λT)', () => {
    const s = traffic({ request: { kind: 'api' }, cache: { cacheControl: 'public, max-age=4' }, traffic: { rate: 0.5, objects: 1 } });
    const theory = hitRatioTheory(s)!;
    expect(theory.hitRatio).toBeCloseTo(ttlHitRatio(0.5, 4), 12);
    expect(theory.hitRatio).toBeCloseTo(2 / 3, 12);
    expect(theory.characteristicTimeS).toBe(Infinity);
    const [line] = theoryLines({ series: [stretch(0)], bucketS: 1, scenario: s });
    expect(line!.label).toBe('Theory: TTL model');
    expect(line!.model).toBe('Steady hit ratio 66.7% at the edge location, for Zipf 0.8 over 1 object and 10000 slots: API responses follow the TTL model: the cache holds every object, so only the TTL, 4 s, ends a copy.');
  });

  it('splits the visitors evenly over the edge locations: two locations each see half the rate', () => {
    const s = traffic({ request: { kind: 'api' }, cache: { cacheControl: 'public, max-age=4' }, cdn: { edgeLocations: 2 }, traffic: { rate: 0.5, objects: 1 } });
    expect(hitRatioTheory(s)!.hitRatio).toBeCloseTo(ttlHitRatio(0.25, 4), 12);
  });

  it("follows each class's shorter time in a mix: static files by Che, API responses by their TTL", () => {
    const s = traffic({ request: { kind: 'mix' }, cache: { capacity: 1200, cacheControl: 'public, max-age=2' }, traffic: { objects: 1000, rate: 300, zipf: 0.8, staticShare: 0.8 } });
    const theory = hitRatioTheory(s)!;
    const p = popularities(1000, 0.8);
    const { characteristicTime } = cheHitRatio([...p.map((x) => 0.8 * x), ...p.map((x) => 0.2 * x)], 1200);
    const expected = p.reduce((sum, x) => sum + 0.8 * x * -Math.expm1(-0.8 * x * characteristicTime) + 0.2 * x * ttlHitRatio(0.2 * x * 300, 2), 0);
    expect(theory.hitRatio).toBeCloseTo(expected, 12);
    expect(theory.models.map((m) => m.model)).toEqual(['che', 'ttl']);
    expect(theoryLines({ series: [], bucketS: 1, scenario: s })[0]!.label).toBe("Theory: Che's approximation and TTL model");
  });

  it('matches what the engine measures in that mix, within a point', () => {
    const s = traffic({ request: { kind: 'mix' }, cache: { capacity: 1200, cacheControl: 'public, max-age=2' }, traffic: { objects: 1000, rate: 300, durationS: 80, warmupS: 30, zipf: 0.8 } });
    expect(Math.abs(runTrafficSync(s).summary.hitRatio - hitRatioTheory(s)!.hitRatio)).toBeLessThan(0.01);
  }, 60_000);

  it('has nothing to predict with caching off or for writes, and a zero for copies never kept', () => {
    expect(hitRatioTheory(traffic({ cache: { state: 'off' } }))).toBeNull();
    expect(hitRatioTheory(traffic({ request: { kind: 'api', method: 'POST' } }))).toBeNull();
    expect(theoryLines({ series: [], bucketS: 1, scenario: traffic({ cache: { state: 'off' } }) }).map((l) => l.predicts)).toEqual(['poolInUse', 'poolWaiting']);
    const noStore = hitRatioTheory(traffic({ request: { kind: 'api' }, cache: { cacheControl: 'no-store' } }))!;
    expect(noStore.hitRatio).toBe(0);
    expect(noStore.models).toEqual([{ name: 'API responses', model: 'none', ttlS: 0 }]);
  });

  it('says when the run is too short to fill a cold cache, and what an invalidation does', () => {
    const s = traffic({ cache: { cacheControl: 'public, max-age=3600' }, traffic: { rate: 50, durationS: 30, objects: 5000, zipf: 0.8, timeline: [{ atS: 20, action: 'invalidate' }] } });
    const theory = hitRatioTheory(s)!;
    const p = popularities(5000, 0.8);
    expect(theory.coldAtEnd).toBeCloseTo(p.reduce((sum, x) => sum + x * Math.min(ttlHitRatio(50 * x, 3600), -Math.expm1(-50 * x * 29)), 0), 12);
    expect(theoryLines({ series: [], bucketS: 1, scenario: s })[0]!.parting).toBe(
      `The edge starts empty and each object's first request misses: in a 30 s run a cold cache is expected to reach only about ${(theory.coldAtEnd * 100).toFixed(1)}% by the end, so the simulated ratio stays under the line. The invalidation at 20 s drops copies 10 s later, and the ratio falls below the line until they are fetched again. Requests for an object already being fetched wait for that fetch and count as misses, a little below the formula at high rates.`,
    );
  });
});

describe("each pod's database pool", () => {
  // One pod, ten connections, a query of 999 ms and a 1 ms round trip: each call holds a connection exactly 1 s.
  const oneSecond = (changes: Changes = {}) => traffic({ app: { pods: 1, pool: 10 }, latency: { dbQueryMs: 999, vpcRttMs: 1 }, ...changes });

  it('is Erlang C: 8 calls a second holding 1 s each at 10 connections', () => {
    const pWait = erlangC(10, 8);
    const p = poolPrediction(oneSecond(), 8, 'ok');
    expect(p.offered).toBeCloseTo(8, 12);
    expect(p.inUse).toBeCloseTo(8, 12);
    expect(p.waiting).toBeCloseTo((pWait * 8) / 2, 12);
    expect(p.waitMs).toBeCloseTo((pWait * 1000) / 2, 9);
    expect(p.waiting).toBeCloseTo(1.6368, 3);
  });

  it('splits the calls over the pods, round robin, and adds up what each pool holds', () => {
    const p = poolPrediction(oneSecond({ app: { pods: 3, pool: 10 } }), 24, 'ok');
    expect(p.offered).toBeCloseTo(8, 12);
    expect(p.inUse).toBeCloseTo(24, 12);
    expect(p.waiting).toBeCloseTo(3 * ((erlangC(10, 8) * 8) / 2), 12);
  });

  it('holds a connection for the slow query while the database is slow, and has no line when the load passes the pool or nothing answers', () => {
    const slow = poolPrediction(oneSecond({ db: { delayMs: 199 } }), 20, 'slow');
    expect(slow.offered).toBeCloseTo(4, 12);
    expect(slow.waiting).toBeCloseTo((erlangC(10, 4) * 4) / 6, 12);
    expect(poolPrediction(oneSecond(), 10, 'ok')).toMatchObject({ inUse: null, waiting: null, waitMs: null });
    expect(poolPrediction(oneSecond(), 1, 'down')).toMatchObject({ inUse: null, waiting: null });
  });

  it('follows the timeline stretch by stretch and says where the run parts from the formula', () => {
    const s = oneSecond({
      db: { delayMs: 4999 },
      traffic: { durationS: 6, dbDist: 'exp', timeline: [{ atS: 2, action: 'db-slow' }, { atS: 4, action: 'db-down' }] },
    });
    const series = [0, 1, 2, 3, 4, 5].map((t) => stretch(t, { dbCallsPerS: 5, retriesPerS: t === 3 ? 2 : 0 }));
    const [inUse, waiting] = theoryLines({ series, bucketS: 1, scenario: s }).filter((l) => l.predicts !== 'hitRatio');
    expect(inUse!.values).toEqual([5, 5, null, null, null, null].map((v) => (v === null ? null : expect.closeTo(v, 12))));
    expect(waiting!.values[0]).toBeCloseTo((erlangC(10, 5) * 5) / 5, 12);
    expect(inUse!.label).toBe('Theory: in use, λ × hold time');
    expect(waiting!.label).toBe('Theory: waiting, Erlang C');
    expect(inUse!.model).toBe(
      "Erlang C (M/M/c) at each pod's pool: c = 10 connections, λ = each stretch's database calls over 1 pod (nginx deals requests in turn), each holding its connection for the query and the round trip (1.00 s healthy, 5.00 s slow); in use = λ × hold time (Little's law), waiting = C(c, a) × a / (c − a), a = λ × hold time per pod.",
    );
    expect(waiting!.parting).toBe(
      'From t = 2 s to 4 s the calls needed up to 25 connections per pod and each pool has 10: M/M/c has no steady state, so the line stops; the queue grows until callers give up at their 2.00 s timeout, which is what bounds the simulated waiters. While the database does not answer (t = 4 s to 6 s), a query holds its connection until the driver gives up: no queueing formula, no line. Retries add calls exactly when the pool is slow, so arrivals stop being Poisson: they come in bursts that follow the queue. Query times are exponential, as Erlang C assumes.',
    );
  });

  it('draws the line again once every pod has reached the new primary after a failover', () => {
    const s = oneSecond({ traffic: { durationS: 10, timeline: [{ atS: 2, action: 'db-failover' }] } });
    const series = Array.from({ length: 10 }, (_, t) => stretch(t, { dbCallsPerS: 5 }));
    const summary = { dbFailovers: [{ atS: 2, ha: 'instance', failoverS: 3, dnsWaitS: [1], podsBackAtS: [6.2] }] } as unknown as TrafficSummary;
    const drawn = (known?: TrafficSummary) => theoryLines({ series, bucketS: 1, scenario: s, summary: known }).find((l) => l.predicts === 'poolInUse')!.values.map((v) => v !== null);
    const streaming = drawn();
    const ended = drawn(summary);
    expect(streaming).toEqual([true, true, false, false, false, false, false, false, false, false]);
    expect(ended).toEqual([true, true, false, false, false, false, true, true, true, true]);
  });
});

describe("Little's law at each station", () => {
  const station = (changes: Partial<StationFigures>): StationFigures => ({
    arrivals: 0, served: 0, utilization: 0, meanQueue: 0, meanWaitMs: 0, meanServiceMs: 0, meanInSystemMs: 0, dropped: 0, waitedShare: 0, meanInSystem: 0, arrivalRate: 0,
    ...changes,
  });

  it('sets L beside λW and says they agree when they do', () => {
    const summary = { byNode: { app: station({ arrivalRate: 73.7222, meanInSystemMs: 5.03, meanInSystem: 0.3708 }), db: station({ arrivalRate: 145.7667, meanInSystemMs: 1565.79, meanInSystem: 228.2401 }) } } as TrafficSummary;
    const { rows, note } = littlesLaw(summary);
    expect(rows.map((r) => [r.station, r.name, r.arrivalRate, r.meanInSystemMs, r.measured])).toEqual([
      ['app', "The pods' event loops", 73.7222, 5.03, 0.3708],
      ['db', "The pods' database pools", 145.7667, 1565.79, 228.2401],
    ]);
    expect(rows[0]!.predicted).toBeCloseTo(73.7222 * 0.00503, 12);
    expect(rows[1]!.predicted).toBeCloseTo(145.7667 * 1.56579, 12);
    expect(note).toBe("L and λW agree within 1% at both stations: Little's law needs no assumption about arrivals or service times, so it holds through retries, timeouts and slow queries alike.");
  });

  it('says why they part when the window closed on requests still waiting', () => {
    const summary = { byNode: { app: station({ arrivalRate: 110.44, meanInSystemMs: 529.14, meanInSystem: 56.8793 }), db: station({}) } } as TrafficSummary;
    const { rows, note } = littlesLaw(summary);
    expect(rows[0]!.gap).toBeCloseTo(56.8793 / (110.44 * 0.52914) - 1, 12);
    expect(rows[1]!.gap).toBe(0);
    expect(note).toBe("L and λW differ by up to 2.7%: Little's law holds for any arrivals and service, but the summary's window closed with requests still waiting, counted in L and not yet in W.");
  });
});
