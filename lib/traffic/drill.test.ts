/**
 * From the aggregate to one request: each stretch of the series names requests to open, the run reports the series
 * as it grows, and a request of the run replays as a single request's result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noCounts } from '@/lib/sim/context';
import type { BrowserOutcome } from '@/lib/sim/nodes/browser';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioForPreset } from '@/lib/scenario/presets';
import { trafficRunArbitrary } from '@/lib/testing/arbitraries';
import { scenarioWith } from '@/lib/testing/scenario';
import { planOf, replayAsResult, replayRequest, runTraffic, runTrafficSync, shapeOf, type TrafficProgress } from './index';
import { SeriesBuilder } from './metrics';
import { TrafficRun } from './run';

type Changes = Parameters<typeof scenarioWith>[0];
const traffic = (changes: Changes): Scenario => scenarioWith({ mode: 'traffic', ...changes });

interface Answer {
  arrivedAtMs: number;
  answeredAtMs: number;
  latencyMs: number;
  status: number | null;
  outcome: BrowserOutcome;
}

/** The run, and every visitor's answer as the run heard it. */
function runWithAnswers(s: Scenario) {
  const answers = new Map<string, Answer>();
  const run = new TrafficRun(s, planOf(s), shapeOf(s), undefined, (arrival, status, latencyMs, arrivedAtMs, outcome) =>
    answers.set(arrival.id, { arrivedAtMs, answeredAtMs: arrivedAtMs + latencyMs, latencyMs, status, outcome }),
  );
  while (run.advance(10_000));
  return { result: run.result(), answers };
}

const micros = (ms: number) => Math.round(ms * 1000) / 1000;

/** A run whose latencies move: the database turns slow for a while, so stretches differ. */
const moving = traffic({
  request: { kind: 'mix' },
  app: { pods: 2, pool: 3 },
  traffic: { rate: 120, durationS: 30, warmupS: 2, objects: 200, appDist: 'exp', dbDist: 'exp', timeline: [{ atS: 10, action: 'db-slow' }, { atS: 18, action: 'db-ok' }] },
});

describe("each stretch's requests to open", () => {
  const { result, answers } = runWithAnswers(moving);
  const bucketMs = result.bucketS * 1000;
  const last = result.series.length - 1;
  /** The stretch a request's answer falls in: the last one runs on until the last answer. */
  const stretchOf = (a: Answer) => Math.min(Math.floor(a.answeredAtMs / bucketMs), last);

  it("name the stretch's slowest answer, with its exact latency, and an answer within 1.1% of its p50", () => {
    const slowest = new Map<number, number>();
    for (const a of answers.values()) slowest.set(stretchOf(a), Math.max(slowest.get(stretchOf(a)) ?? 0, a.latencyMs));
    let stretchesWithAnswers = 0;
    result.series.forEach((point, index) => {
      const most = slowest.get(index);
      if (most === undefined) {
        expect(point).toMatchObject({ slowestId: null, slowestMs: null, typicalId: null });
        return;
      }
      stretchesWithAnswers += 1;
      const slow = answers.get(point.slowestId!)!;
      const typical = answers.get(point.typicalId!)!;
      expect(stretchOf(slow)).toBe(index);
      expect(stretchOf(typical)).toBe(index);
      expect(point.slowestMs).toBe(micros(most));
      expect(micros(slow.latencyMs)).toBe(point.slowestMs);
      // p50 is the middle of a bucket 1.1% wide (histogram.ts) kept within the values it saw; the typical request is in it.
      expect(Math.abs(typical.latencyMs - point.p50)).toBeLessThanOrEqual(point.p50 * 0.011 + 0.001);
    });
    expect(stretchesWithAnswers).toBe(result.series.length);
    // The database's slow spell, from 10 s to 18 s, shows in the slowest requests of the stretches it reaches.
    const most = (from: number, to: number) => Math.max(...result.series.slice(from, to).map((p) => p.slowestMs!));
    expect(most(11, 21)).toBeGreaterThan(10 * most(1, 10));
  });

  it('replay to a request answered in that stretch', () => {
    for (const index of [0, 5, 12, 16, last]) {
      const point = result.series[index]!;
      for (const id of [point.slowestId!, point.typicalId!]) {
        const replay = replayRequest(moving, id)!;
        const answeredAtMs = replay.arrivedAtMs + replay.latencyMs;
        expect(answeredAtMs).toBeGreaterThanOrEqual(point.t * 1000 - 0.001);
        if (index < last) expect(answeredAtMs).toBeLessThanOrEqual((point.t + result.bucketS) * 1000 + 0.001);
        expect(replay.status).toBe(answers.get(id)!.status);
      }
      expect(replayRequest(moving, point.slowestId!)!.latencyMs).toBe(point.slowestMs);
    }
  });

  it("name the first request that arrived in each stretch, whenever it was answered", () => {
    const arrivals = [...answers.entries()].sort((a, b) => a[1].arrivedAtMs - b[1].arrivedAtMs);
    result.series.forEach((point, index) => {
      const first = arrivals.find(([, a]) => a.arrivedAtMs >= index * bucketMs);
      const inStretch = first && first[1].arrivedAtMs < (index + 1) * bucketMs;
      // The warm-up's visitors count as well: the series starts at 0.
      expect(point.arrivedId, `stretch ${index}`).toBe(inStretch ? first[0] : null);
    });
  });

  it('count a request that never got an answer as the slowest of the stretch it arrived in, with no latency', () => {
    const series = new SeriesBuilder(1000, noCounts(), [], () => 0);
    series.arrived('t1');
    series.arrived('t2');
    series.arrived('t3');
    series.answered('t2', 40, false);
    series.close(1000);
    series.arrived('t4');
    series.answered('t3', 900, true);
    series.close(2000);
    series.arrived('t5');
    series.close(3000);
    series.nameUnanswered();
    const named = series.points.map(({ slowestId, slowestMs, typicalId }) => ({ slowestId, slowestMs, typicalId }));
    expect(named).toEqual([
      // t1 arrived in the first stretch and was never answered: slower than t2's 40 ms.
      { slowestId: 't1', slowestMs: null, typicalId: 't2' },
      // t3 arrived in the first stretch but was answered in the second, where it counts; t4 never was.
      { slowestId: 't4', slowestMs: null, typicalId: 't3' },
      { slowestId: 't5', slowestMs: null, typicalId: null },
    ]);
  });
});

describe('the series as the run goes', () => {
  it('comes with each progress report: the stretches closed so far, each as the result has it', async () => {
    const reports: TrafficProgress[] = [];
    const busy = { ...moving, traffic: { ...moving.traffic, rate: 400 } };
    const result = await runTraffic(busy, { onProgress: (p) => reports.push(p) });
    expect(result).toEqual(runTrafficSync(busy));
    expect(reports.length).toBeGreaterThan(3);
    let closed = 0;
    for (const report of reports) {
      expect(report.bucketS).toBe(result.bucketS);
      expect(report.durationMs).toBe(30_000);
      expect(report.series.length).toBeGreaterThanOrEqual(closed);
      closed = report.series.length;
      expect(report.series).toEqual(result.series.slice(0, closed));
      // Every stretch closed lies wholly before the moment reached.
      if (closed) expect((report.series.at(-1)!.t + report.bucketS) * 1000).toBeLessThanOrEqual(report.simulatedMs);
    }
    // Halfway, some stretches are there and some are to come; the last arrives with the result.
    expect(reports.some((r) => r.series.length > 0 && r.series.length < result.series.length - 1)).toBe(true);
    expect(closed).toBe(result.series.length - 1);
  });
});

describe('a request of the run as a single request', () => {
  it('has the outcome the run recorded for it, from the browser to the database, and its own figures', () => {
    // Few visitors, far apart: each meets an idle system, as a single request does.
    const s = traffic({ request: { kind: 'api' }, cache: { state: 'off' }, traffic: { rate: 1, durationS: 20, warmupS: 0 } });
    const { result, answers } = runWithAnswers(s);
    expect(result.summary.requests).toBeGreaterThan(5);
    for (const [id, answer] of answers) {
      const replay = replayAsResult(s, id)!;
      const { outcome, summary, events } = replay;
      expect(replay.version).toBe(s.v);
      expect(outcome.status).toBe(answer.status);
      expect(outcome.latencyMs).toBe(micros(answer.latencyMs));
      expect(outcome).toMatchObject({ attempts: 1, cache: 'bypass', blockedBy: null, answeredBy: 'app', renderedAtMs: null });
      // Visitors are already connected: the first hop is the browser's request to the edge (through Shield), no DNS.
      expect(outcome.hops).toEqual(['browser', 'shield', 'edge', 'waf', 'alb', 'web', 'app', 'db', 'thirdparty']);
      expect(events.slice(0, 2)).toMatchObject([
        { t: 0, kind: 'conn-reuse', from: 'browser' },
        { t: 0, kind: 'request', from: 'browser', to: 'edge' },
      ]);
      expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i));
      expect(outcome.workEndedAtMs).toBe(outcome.latencyMs);
      expect(summary).toMatchObject({ events: events.length, requests: 1, errors: 0, dbQueries: 1, originRequests: 1, retries: 0, thirdPartyCalls: 1, cacheHitRatio: 0 });
      expect(summary.latency).toEqual({ p50: outcome.latencyMs, p95: outcome.latencyMs, p99: outcome.latencyMs });
    }
    expect(replayAsResult(s, 't999999')).toBeNull();
  });

  it("counts the request's own retries and queries, among the others' (the retry storm's slowest visit)", () => {
    const s = scenarioForPreset('retry-storm')!;
    const { result, answers } = runWithAnswers(s);
    // The first stretch to answer after the database slowed (nothing is answered from 21 s to 40 s).
    const point = result.series.find((p) => p.slowestMs !== null && p.slowestMs > 20_000)!;
    expect(point.t).toBe(40);
    const id = point.slowestId!;
    const { outcome, summary, events } = replayAsResult(s, id)!;
    expect(outcome.status).toBe(answers.get(id)!.status);
    expect(outcome.latencyMs).toBe(point.slowestMs);
    expect(outcome.attempts).toBe(answers.get(id)!.outcome.attempts);
    // Three tries by the browser, each tried three times by the app: 2 + 3 × 2 retries, all its own.
    expect(outcome).toMatchObject({ status: 503, attempts: 3 });
    expect(summary.retries).toBe(8);
    expect(summary.originRequests).toBe(3);
    // Its figures match its events, counted apart from the counters they come from.
    expect(summary.retries).toBe(events.filter((e) => e.kind === 'retry' && e.from !== 'edge').length);
    expect(summary.originRequests).toBe(events.filter((e) => e.kind === 'request' && e.from === 'edge').length);
    expect(summary.dbQueries).toBe(events.filter((e) => e.kind === 'db-query').length);
  });

  it('follows the work its caller gave up on to its end, after the answer', () => {
    // The database is slow from the start: each query takes 4 s, and the app waits 2 s for it. The app's last try
    // gives up, the visitor has a 503, and that query runs on for 2 s more, its answer read by nobody.
    const s = traffic({
      request: { kind: 'api' },
      cache: { state: 'off' },
      app: { pool: 100 },
      traffic: { rate: 1, durationS: 5, warmupS: 0, timeline: [{ atS: 0, action: 'db-slow' }] },
    });
    const { outcome, summary, events } = replayAsResult(s, 't2')!;
    expect(outcome.status).toBe(503);
    const late = events.filter((e) => e.t > outcome.latencyMs);
    expect(late.map((e) => e.kind)).toContain('orphaned');
    expect(outcome.workEndedAtMs).toBe(Math.max(...events.map((e) => micros(e.t + e.durationMs))));
    expect(outcome.workEndedAtMs).toBeGreaterThan(outcome.latencyMs);
    expect(summary.durationMs).toBe(outcome.workEndedAtMs);
    // Nine queries: three browser tries, three app tries each.
    expect(summary.dbQueries).toBe(9);
  });

  it('replays the same way every time (property, a few drawn traffic runs)', () => {
    fc.assert(
      fc.property(trafficRunArbitrary, fc.integer({ min: 1, max: 60 }), (drawn, n) => {
        const s: Scenario = { ...drawn, traffic: { ...drawn.traffic, rate: 10, durationS: 8, warmupS: 0 } };
        const id = `t${n}`;
        const first = replayAsResult(s, id);
        expect(JSON.stringify(replayAsResult(s, id))).toBe(JSON.stringify(first));
        const inRun = runWithAnswers(s).answers.get(id);
        // Not `return expect(…)`: fast-check counts any returned value but true or undefined as a failure.
        if (!first) {
          expect(inRun).toBeUndefined();
          return;
        }
        expect(first.outcome.status).toBe(inRun?.status ?? null);
        expect(first.events[0]?.t ?? 0).toBe(0);
      }),
      { numRuns: 6 },
    );
  });
});
