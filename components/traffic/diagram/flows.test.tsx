/**
 * The traffic diagram's pure parts: what flows on each link at a stretch, the scale of a dot, the playhead's
 * stretch, the dots kept in flight, and the words of the text alternative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import type { SeriesPoint } from '@/lib/traffic';
import { DotField } from './dot-field';
import { capacityOf, figureSentences, loadOf, nodeFigures, num } from './figures';
import { filteredLinks } from './filtered-links';
import { breakerEdges, dotCounts, FLOW_LINKS, linkFlows, MAX_DOTS, niceCeil, perDot, runEndS, stretchAt } from './flows';

/** A stretch with nothing in it, to change a few fields of. */
function point(changes: Partial<SeriesPoint> = {}): SeriesPoint {
  return {
    t: 0,
    rps: 0,
    errorRate: 0,
    p50: 0,
    p95: 0,
    p99: 0,
    hitRatio: null,
    originRps: 0,
    poolInUse: 0,
    poolWaiting: 0,
    retriesPerS: 0,
    browserCallsPerS: 0,
    dbCallsPerS: 0,
    paymentsCallsPerS: 0,
    rejectedPerS: 0,
    fallbacksPerS: 0,
    breakersOpen: 0,
    botRps: 0,
    wafStoppedPerS: 0,
    synPps: 0,
    appUtilization: 0,
    appQueue: 0,
    deniedPerS: 0,
    ...changes,
  } as SeriesPoint;
}

const byId = (flows: ReturnType<typeof linkFlows>) => new Map(flows.map((f) => [f.linkId, f]));

describe('the flow on each link at a stretch', () => {
  it("carries the visitors' calls and the bots to the edge, the origin's requests on to the app, and each call edge's calls", () => {
    const flows = byId(linkFlows(point({ browserCallsPerS: 100, rps: 90, errorRate: 0.1, botRps: 800, wafStoppedPerS: 790, originRps: 40, dbCallsPerS: 120, paymentsCallsPerS: 30 })));
    for (const id of ['browser-shield', 'shield-edge']) {
      const f = flows.get(id)!;
      expect(f.perS).toBe(900);
      // The WAF's 790 are bots (the rate rule): 10 bots pass; of the visitors' 100 calls, 9 end in a server error.
      expect(f.shares).toEqual([91 / 900, 9 / 900, 10 / 900, 790 / 900]);
    }
    for (const id of ['edge-alb', 'alb-web', 'web-app']) {
      expect(flows.get(id)!.perS).toBe(40);
      expect(flows.get(id)!.shares).toEqual([31 / 40, 9 / 40, 0, 0]);
    }
    expect(flows.get('app-db')).toMatchObject({ from: 'app', to: 'db', perS: 120, shares: [1, 0, 0, 0] });
    expect(flows.get('app-thirdparty')).toMatchObject({ from: 'app', to: 'thirdparty', perS: 30 });
    expect([...flows.keys()]).toEqual(FLOW_LINKS.map((l) => l.linkId));
  });

  it('takes what the WAF stopped from the visitors when there are no bots (an attack burst)', () => {
    const f = byId(linkFlows(point({ browserCallsPerS: 100, rps: 100, wafStoppedPerS: 20 }))).get('browser-shield')!;
    expect(f.shares).toEqual([0.8, 0, 0, 0.2]);
  });

  it('always has shares that sum to 1 on a link with a flow, and none below 0', () => {
    const rate = fc.double({ min: 0, max: 5000, noNaN: true });
    fc.assert(
      fc.property(fc.record({ browserCallsPerS: rate, rps: rate, errorRate: fc.double({ min: 0, max: 1, noNaN: true }), botRps: rate, wafStoppedPerS: rate, originRps: rate }), (changes) => {
        for (const f of linkFlows(point(changes))) {
          expect(f.shares.every((s) => s >= 0)).toBe(true);
          if (f.perS > 0) expect(f.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        }
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});

describe('the scale of a dot', () => {
  it('is a round number: 1, 2, 5, 10, 20, 50, …', () => {
    expect([0, 0.3, 1, 1.2, 2, 3, 7, 10, 11, 49, 51, 250, 1001].map(niceCeil)).toEqual([1, 1, 1, 2, 2, 5, 10, 10, 20, 50, 100, 500, 2000]);
  });

  it('keeps the busiest stretch under the cap, and would not with the next round number down', () => {
    // The busiest stretch: 2 × 500 to the edge, 3 × 200 on the origin's links, 300 queries and 50 calls: 1,950 a second.
    const series = [point({ browserCallsPerS: 10 }), point({ t: 1, browserCallsPerS: 500, originRps: 200, dbCallsPerS: 300, paymentsCallsPerS: 50 })];
    expect(perDot(series)).toBe(10);
    const counts = [...dotCounts(linkFlows(series[1]!), 10).values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(195);
    expect(1950 / 5).toBeGreaterThan(MAX_DOTS);
    expect(perDot([point()])).toBe(1);
  });

  it('holds every stretch of a run to at most about 200 dots', () => {
    // Checked against the stretches' rates themselves, so the cap is the diagram's promise, not a formula's.
    const series = [0, 1, 2].map((t) => point({ t, browserCallsPerS: 1000 * t, botRps: 333 * t, originRps: 77 * t, dbCallsPerS: 999 * t }));
    const scale = perDot(series);
    for (const p of series) expect(linkFlows(p).reduce((s, f) => s + f.perS, 0) / scale).toBeLessThanOrEqual(MAX_DOTS);
  });
});

describe("the playhead's stretch", () => {
  const series = [0, 1, 2, 3].map((t) => point({ t: t * 2 }));
  it('is the last stretch starting at or before it, the first before the run, and -1 with no series', () => {
    expect([-1, 0, 1.99, 2, 5.5, 6, 100].map((s) => stretchAt(series, s))).toEqual([0, 0, 0, 1, 2, 3, 3]);
    expect(stretchAt([], 3)).toBe(-1);
  });

  it('runs to the end of the last stretch, or of the arrivals if later', () => {
    expect(runEndS(series, 2, 7)).toBe(8);
    expect(runEndS(series, 2, 9)).toBe(9);
    expect(runEndS([], 1, 5)).toBe(5);
  });
});

describe('the dots in flight', () => {
  const field = () => new DotField([{ id: 'a', length: 70 }, { id: 'b', length: 210 }], 70);

  it('holds each link at its count, placed evenly at rest and kept there while it plays, at any frame rate', () => {
    for (const fps of [30, 60, 144]) {
      const f = field();
      f.setFlows([
        { linkId: 'a', count: 12, shares: [1, 0, 0, 0] },
        { linkId: 'b', count: 30, shares: [1, 0, 0, 0] },
      ]);
      f.reseed(0);
      expect(f.inFlight).toBe(42);
      let t = 0;
      for (let i = 0; i < fps * 5; i++) {
        t += 1 / fps;
        f.advance(t, 1 / fps);
        expect(Math.abs(f.inFlight - 42)).toBeLessThanOrEqual(2);
      }
    }
  });

  it('moves to a new count within one trip, and honours a fractional count on average', () => {
    const f = field();
    f.setFlows([{ linkId: 'a', count: 10, shares: [1, 0, 0, 0] }]);
    f.reseed(0);
    f.setFlows([{ linkId: 'a', count: 0.25, shares: [1, 0, 0, 0] }]);
    let t = 0;
    let sum = 0;
    const frames = 60 * 200;
    for (let i = 0; i < frames; i++) {
      t += 1 / 60;
      f.advance(t, 1 / 60);
      if (t > 1) sum += f.inFlight;
      if (t > 1 && t < 1.05) expect(f.inFlight).toBeLessThanOrEqual(1);
    }
    expect(sum / (frames - 60)).toBeCloseTo(0.25, 1);
  });

  it('gives the kinds of dot in their shares, every dot between its link’s ends', () => {
    const f = field();
    f.setFlows([{ linkId: 'b', count: 200, shares: [0.5, 0.1, 0.3, 0.1] }]);
    f.reseed(0);
    const seen = [0, 0, 0, 0];
    for (const [k, kind] of (['request', 'error', 'bot', 'stopped'] as const).entries()) {
      f.forEachOfKind(kind, 0, (link, progress, side) => {
        expect(link).toBe(1);
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(1);
        expect(Math.abs(side)).toBeLessThanOrEqual(1);
        seen[k]! += 1;
      });
    }
    expect(seen.map((n) => Math.round(n / 10))).toEqual([10, 2, 6, 2]);
  });
});

describe('the per-node figures and the text alternative', () => {
  const scenario = decodeLink('mode=traffic&pods=3&pool=10&breaker=opossum&breakerAt=db,thirdparty').scenario;
  const capacity = capacityOf(scenario);
  const storm = point({ t: 40, browserCallsPerS: 96, rps: 12, errorRate: 0.25, hitRatio: 0.5, originRps: 97, poolInUse: 30, poolWaiting: 479.4, dbCallsPerS: 249, appUtilization: 0.172, appQueue: 0.04, breakersOpen: 2, rejectedPerS: 31.5, deniedPerS: 14 });

  it('knows the pool and the breakers from the scenario', () => {
    expect(capacity).toEqual({ poolSize: 30, breakers: 6 });
    expect(breakerEdges(scenario).links).toEqual(['app-db', 'app-thirdparty']);
    expect(capacityOf(decodeLink('mode=traffic').scenario).breakers).toBe(0);
  });

  it('reads each node in a sentence, and the breakers and dropped packets when there are any', () => {
    expect(figureSentences(storm, capacity)).toEqual([
      'Browser: 96 requests a second sent, retries included; 12 a second answered, 25% of them server errors.',
      'WAF: stopped none.',
      'CDN edge: 50% of cache lookups were hits; 97 requests a second to the origin.',
      'Load balancer and reverse proxy: 97 requests a second on to the app.',
      'App: event loops 17% busy, 0 requests waiting for one on average.',
      'Database: 30 of 30 pooled connections in use on average, 479 queries waiting for one; 249 queries a second.',
      'Circuit breakers: 2 of 6 open or half-open at the end of the stretch; 32 calls a second refused.',
      'Network rules dropped 14 packets a second.',
    ]);
    expect(figureSentences(point({ synPps: 5000, paymentsCallsPerS: 3.25 }), { poolSize: 10, breakers: 0 })).toEqual(
      expect.arrayContaining(['Shield: absorbing 5,000 SYN packets a second.', 'Third-party API: 3.3 calls a second.']),
    );
  });

  it('shows short lines and a meter in the boxes, the meter full from 90% or with anyone waiting', () => {
    const figures = new Map(nodeFigures(storm, capacity).map((f) => [f.node, f]));
    expect(figures.get('db')).toMatchObject({ lines: ['pool 30/30', '479 waiting'], meter: { value: 1, load: 'full' } });
    expect(figures.get('app')).toMatchObject({ lines: ['CPU 17% busy', '0 waiting'], meter: { value: 0.172, load: 'calm' } });
    expect([loadOf(0.69), loadOf(0.7), loadOf(0.89), loadOf(0.9), loadOf(0.1, 1)]).toEqual(['calm', 'busy', 'busy', 'full', 'full']);
    expect([num(0), num(0.04), num(3.25), num(12.5), num(1249.6)]).toEqual(['0', '0', '3.3', '13', '1,250']);
  });

  it('marks dropped packets on the links whose rules may drop them', () => {
    expect(filteredLinks(decodeLink('mode=traffic').scenario)).toEqual([]);
    expect(filteredLinks(decodeLink('preset=nacl-no-ephemeral&mode=traffic').scenario)).toEqual(['app-db']);
    expect(filteredLinks(decodeLink('preset=alb-sg-no-443').scenario)).toEqual(['edge-alb']);
  });
});
