/**
 * A traffic run's incidents (incidents.ts): floods at layer 4 and layer 7, a burst of attacks, a database failover,
 * and the timeline's other outages. Each check holds a run to what the causes imply, with exact values where the
 * model makes them exact and stated tolerances where they are drawn.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioWith } from '@/lib/testing/scenario';
import { createContext } from '@/lib/sim/context';
import { FAILOVER_RANGE_S, planFailover } from '@/lib/sim/nodes/db-failover';
import { streamFor } from '@/lib/sim/random';
import { MetricsRecorder } from './metrics';
import { planOf, runTrafficSync, shapeOf } from './index';
import { TrafficRun, type TrafficResult } from './run';
import type { IncidentAction } from './incidents';

type Changes = Parameters<typeof scenarioWith>[0];
const traffic = (changes: Changes): Scenario => scenarioWith({ mode: 'traffic', ...changes });
type Action = Scenario['traffic']['timeline'][number]['action'];
type IncidentFree = Exclude<Action, IncidentAction>;
const at = (atS: number, action: Action) => ({ atS, action });

/** Every visitor's answer, with when it arrived. */
function answers(scenario: Scenario): { arrivedAtMs: number; status: number | null; attack: boolean }[] {
  const seen: { arrivedAtMs: number; status: number | null; attack: boolean }[] = [];
  const run = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario), undefined, (arrival, status, _latency, arrivedAtMs) => seen.push({ arrivedAtMs, status, attack: arrival.attack }));
  while (run.advance(50_000));
  return seen;
}

/** A result without what only the floods themselves change. */
function visitorsOnly(result: TrafficResult) {
  const summary: Partial<TrafficResult['summary']> = { ...result.summary };
  delete summary.protection;
  return { summary, series: result.series.map((point) => ({ ...point, synPps: 0 })) };
}

describe('a SYN flood (layer 4)', () => {
  const quiet = traffic({ traffic: { rate: 50, durationS: 40 } });
  const flooded = traffic({ traffic: { rate: 50, durationS: 40, synRate: 2_000_000, timeline: [at(10, 'syn-flood'), at(25.5, 'syn-flood-stop')] } });

  it('is absorbed by Shield Standard at the edge: every packet counted, nothing else changes for the visitors', () => {
    const result = runTrafficSync(flooded);
    expect(result.summary.protection.synFloodAbsorbed).toBe(2_000_000 * 15.5);
    expect(result.series.find((p) => p.t === 12)?.synPps).toBe(2_000_000);
    expect(result.series.find((p) => p.t === 30)?.synPps).toBe(0);
    expect(visitorsOnly(result)).toEqual(visitorsOnly(runTrafficSync(quiet)));
  });

  it('stops counting when the arrivals stop', () => {
    const endless = traffic({ traffic: { rate: 10, durationS: 20, synRate: 1000, timeline: [at(5, 'syn-flood')] } });
    expect(runTrafficSync(endless).summary.protection.synFloodAbsorbed).toBe(15_000);
  });
});

describe('an HTTP flood from a few addresses (layer 7)', () => {
  // 300 bot requests a second from 5 addresses between 20 s and 40 s; the visitors' API calls come on as usual.
  const flood = (rateLimit: number, rateAction: Scenario['waf']['rateAction'] = 'block') =>
    traffic({ waf: { rateLimit, rateWindowS: 60, rateAction }, traffic: { rate: 50, durationS: 50, botRate: 300, botIps: 5, timeline: [at(20, 'bot-flood'), at(40, 'bot-flood-stop')] } });
  const runs = new Map<string, TrafficResult>();
  const run = (rateLimit: number, rateAction: Scenario['waf']['rateAction'] = 'block') => {
    const key = `${rateLimit}:${rateAction}`;
    if (!runs.has(key)) runs.set(key, runTrafficSync(flood(rateLimit, rateAction)));
    return runs.get(key)!;
  };

  it('passes Shield Standard and reaches the origin, missing the cache, when no rate rule stops it', () => {
    const { summary } = run(0);
    const bots = summary.protection.botRequests;
    // Poisson at 300 a second for 20 s: 6,000, give or take three standard deviations (232).
    expect(Math.abs(bots - 6000)).toBeLessThan(232);
    expect(summary.protection.botStatuses['200']).toBe(bots);
    expect(summary.originRequests).toBeGreaterThan(bots);
    expect(summary.protection.rateLimited).toBe(0);
  });

  it('is stopped by a rate rule from its first check after the crossing, at 30 s, until the flood ends', () => {
    const { summary, series } = run(300);
    // The flood crossed 300 per address within its first stretch (from 20 s); the check at 20 s saw nothing of it.
    for (const p of series.filter((q) => q.t < 30)) expect(p.wafStoppedPerS, `t=${p.t}`).toBe(0);
    for (const p of series.filter((q) => q.t >= 30 && q.t < 40)) expect(p.wafStoppedPerS, `t=${p.t}`).toBeGreaterThan(200);
    for (const p of series.filter((q) => q.t >= 41)) expect(p.wafStoppedPerS, `t=${p.t}`).toBe(0);
    // Every bot request after 30 s was blocked; the ten seconds before got through.
    const { botRequests, botStatuses, rateLimited } = summary.protection;
    expect(rateLimited).toBe(botStatuses['403']);
    expect(botStatuses['200']! + botStatuses['403']!).toBe(botRequests);
    expect(botStatuses['200']! / botRequests).toBeCloseTo(0.5, 1);
  });

  it('leaves the visitors, each on an address of their own, untouched by the rule', () => {
    expect(Object.keys(run(300).summary.statuses)).toEqual(['200']);
  });

  it('loads the pods only while it gets through', () => {
    const without = run(0).summary.byNode.app;
    const withRule = run(300).summary.byNode.app;
    expect(withRule.arrivals).toBeLessThan(without.arrivals * 0.6);
    expect(withRule.utilization).toBeLessThan(without.utilization * 0.6);
  });

  it('meets a CAPTCHA it never solves, and a Count rule that lets it all through', () => {
    const captcha = run(300, 'captcha').summary.protection;
    expect(captcha.captchas).toBe(captcha.botStatuses['405']);
    expect(captcha.rateCounted).toBe(0);
    const count = run(300, 'count').summary.protection;
    expect(count.rateLimited).toBe(0);
    expect(count.botStatuses['200']).toBe(count.botRequests);
    expect(count.rateCounted).toBe(captcha.captchas);
  });
});

describe('visitors sharing a few addresses, over the limit', () => {
  // 10 visitors at 2.5 requests a second each: 150 a minute, over a limit of 100 a minute from about 40 s on.
  const heavy = (rateAction: 'block' | 'captcha') => traffic({ waf: { rateLimit: 100, rateWindowS: 60, rateAction }, traffic: { rate: 25, durationS: 400, visitors: 10 } });

  it('are blocked on every request while over it, but meet a CAPTCHA once per immunity time, then carry a token', () => {
    const blocked = runTrafficSync(heavy('block')).summary;
    expect(blocked.statuses['403']! / blocked.requests).toBeGreaterThan(0.8);
    const captcha = runTrafficSync(heavy('captcha')).summary;
    // Over the limit from about 40 s to 400 s, and a token lasts 300 s: each visitor solves two puzzles.
    expect(captcha.statuses['405']).toBe(10 * 2);
    expect(captcha.protection.rateCounted).toBe(blocked.protection.rateLimited - captcha.statuses['405']!);
  });
});

describe('a burst of attacks', () => {
  it('makes a share of the requests carry SQL injection or cross-site scripting, which the managed rules block', () => {
    const scenario = traffic({ request: { kind: 'api' }, traffic: { rate: 100, durationS: 60, burstShare: 0.3, timeline: [at(20, 'attack-burst'), at(40, 'attack-stop')] } });
    const seen = answers(scenario);
    const during = seen.filter((a) => a.arrivedAtMs >= 20_000 && a.arrivedAtMs < 40_000);
    const share = during.filter((a) => a.attack).length / during.length;
    // About 2,000 arrivals: three standard errors of a share of 0.3 is 0.031.
    expect(Math.abs(share - 0.3)).toBeLessThan(0.031);
    expect(seen.filter((a) => a.attack).every((a) => a.status === 403)).toBe(true);
    expect(seen.filter((a) => !a.attack).every((a) => a.status === 200)).toBe(true);
    expect(seen.filter((a) => a.attack && (a.arrivedAtMs < 20_000 || a.arrivedAtMs >= 40_000))).toEqual([]);
    expect(runTrafficSync(scenario).summary.protection.wafBlocked).toBe(seen.filter((a) => a.attack).length);
  });
});

describe('a database failover', () => {
  const world = (db: NonNullable<Changes>['db'] = {}) => createContext(scenarioWith({ db, app: { pods: 3 } }), new MetricsRecorder()).world;

  it('takes 60–120 s for a Multi-AZ DB instance, under 35 s for a cluster, drawn within that range', () => {
    expect(FAILOVER_RANGE_S).toEqual({ instance: [60, 120], cluster: [0, 35] });
    for (const ha of ['instance', 'cluster'] as const) {
      const random = streamFor(7, 'failover');
      const lengths = Array.from({ length: 500 }, () => {
        const plan = planFailover(world({ ha }), 0, random);
        return plan.promotedAtMs / 1000;
      });
      const [low, high] = FAILOVER_RANGE_S[ha];
      expect(Math.min(...lengths)).toBeGreaterThanOrEqual(low);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(high);
      // Spread over the whole range, not stuck at one end.
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeGreaterThan((high - low) * 0.9);
    }
  });

  it('brings each pod back when its cached address expires, at its driver’s next try', () => {
    const plan = planFailover(world({ dnsTtlS: 30, reconnectMs: 10_000 }), 30_000, streamFor(1, 'failover'));
    const failoverMs = plan.promotedAtMs - 30_000;
    expect(plan.dnsWaitMs).toHaveLength(3);
    plan.backAtMs.forEach((back, pod) => {
      const wait = plan.dnsWaitMs[pod]!;
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(30_000);
      expect(back).toBe(30_000 + Math.ceil((failoverMs + wait) / 10_000) * 10_000);
    });
    expect(plan.endsAtMs).toBe(Math.max(...plan.backAtMs));
    // No DNS cache and a driver that tries at once: every pod is back the moment the standby is promoted.
    const exact = planFailover(world({ dnsTtlS: 0, reconnectMs: 0 }), 30_000, streamFor(1, 'failover'));
    expect(exact.backAtMs).toEqual([exact.promotedAtMs, exact.promotedAtMs, exact.promotedAtMs]);
  });

  it('fails requests only while it lasts, and reports when each pod was back', () => {
    const scenario = traffic({ db: { ha: 'cluster' }, cache: { state: 'off' }, traffic: { rate: 20, durationS: 120, timeline: [at(30, 'db-failover')] } });
    const [report] = runTrafficSync(scenario).summary.dbFailovers;
    expect(report!.atS).toBe(30);
    expect(report!.podsBackAtS).toHaveLength(3);
    const backMs = Math.max(...report!.podsBackAtS) * 1000;
    const seen = answers(scenario);
    const failed = (a: { status: number | null }) => a.status === null || a.status >= 500;
    // A request takes well under a second when all is well, so one that arrived by 29 s was answered before it began.
    expect(seen.filter((a) => a.arrivedAtMs < 29_000).some(failed)).toBe(false);
    expect(seen.filter((a) => a.arrivedAtMs >= 30_000 && a.arrivedAtMs < backMs).some(failed)).toBe(true);
    // Once every pod is back and the queue that built up has drained, nothing fails.
    expect(seen.filter((a) => a.arrivedAtMs >= backMs + 30_000).some(failed)).toBe(false);
  });
});

describe('the timeline’s other outages', () => {
  /** The statuses of the requests that arrived before, during and after an outage from 20 s to 40 s (a second's margin each side). */
  function aroundOutage(down: IncidentFree, up: IncidentFree) {
    const seen = answers(traffic({ cache: { state: 'off' }, retry: { layers: [] }, traffic: { rate: 40, durationS: 60, timeline: [at(20, down), at(40, up)] } }));
    const between = (from: number, to: number) => new Set(seen.filter((a) => a.arrivedAtMs >= from && a.arrivedAtMs < to).map((a) => a.status));
    return [between(0, 19_000), between(21_000, 39_000), between(41_000, 60_000)];
  }

  it('payments-down fails the API’s reads with 502 until payments-ok', () => {
    expect(aroundOutage('payments-down', 'payments-ok')).toEqual([new Set([200]), new Set([502]), new Set([200])]);
  });

  it('origin-5xx answers 500 until origin-ok', () => {
    expect(aroundOutage('origin-5xx', 'origin-ok')).toEqual([new Set([200]), new Set([500]), new Set([200])]);
  });
});
