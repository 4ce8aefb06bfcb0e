import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type SimResult } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { singleRunArbitrary } from '@/lib/testing/arbitraries';
import { waterfallOf, type Bar } from './waterfall';

const run = (link: string): SimResult => runScenario(decodeLink(link).scenario);

function chainOf(bars: Bar[], bar: Bar): string[] {
  const byId = new Map(bars.map((b) => [b.id, b]));
  const chain: string[] = [];
  for (let b: Bar | undefined = bar; b; b = b.parent === null ? undefined : byId.get(b.parent)) chain.unshift(`${b.caller}>${b.callee}`);
  return chain;
}

describe('the waterfall', () => {
  const slow = run('db=slow&cache=off');
  const { bars } = waterfallOf(slow);

  it('nests who waits for whom: the browser, the edge, the load balancer, Nginx, the app, the database', () => {
    const query = bars.find((b) => b.callee === 'db')!;
    expect(chainOf(bars, query)).toEqual(['browser>edge', 'edge>alb', 'alb>web', 'web>app', 'app>db']);
    for (const bar of bars) {
      const parent = bars.find((b) => b.id === bar.parent);
      if (parent) expect(bar.start).toBeGreaterThanOrEqual(parent.start);
    }
  });

  it('shows each of the browser’s three tries answered with a 503, and three queries under each', () => {
    const tries = bars.filter((b) => b.caller === 'browser' && b.callee === 'edge');
    expect(tries.map((b) => [b.outcome, b.status])).toEqual([
      ['answered', 503],
      ['answered', 503],
      ['answered', 503],
    ]);
    const firstQueries = bars.filter((b) => b.callee === 'db' && chainOf(bars, b).length === 5).slice(0, 3);
    expect(firstQueries.map((b) => b.attempt)).toEqual([1, 2, 3]);
  });

  it('ends a query’s bar at the app’s timeout and draws the work nobody reads until the database finishes', () => {
    const query = bars.find((b) => b.callee === 'db')!;
    const timeout = slow.events.find((e) => e.kind === 'timeout' && e.from === 'app')!;
    const orphaned = slow.events.find((e) => e.kind === 'orphaned')!;
    expect(query).toMatchObject({ outcome: 'timed-out', end: timeout.t, timeoutId: timeout.id });
    expect(query.segments.at(-1)).toEqual({ kind: 'unread', from: timeout.t, to: orphaned.t, eventId: orphaned.id });
  });

  it('stops the proxies when the edge gives up, while the app finishes its work unread', () => {
    const long = run('db=slow&dbDelay=40000&timeout=0&retryAt=none&cache=off');
    const all = waterfallOf(long).bars;
    const origin = all.find((b) => b.caller === 'edge' && b.callee === 'alb')!;
    expect(origin.outcome).toBe('timed-out');
    const [alb, app] = [all.find((b) => b.parent === origin.id)!, all.find((b) => b.caller === 'web')!];
    expect(alb).toMatchObject({ outcome: 'cancelled', end: origin.end });
    expect(app).toMatchObject({ outcome: 'cancelled', end: origin.end });
    expect(app.segments.at(-1)?.kind).toBe('unread');
    const charge = all.find((b) => b.callee === 'thirdparty')!;
    expect(charge.parent).toBe(app.id);
  });

  it('shows a refused connection as a bar of its own', () => {
    const refused = waterfallOf(run('preset=third-party-down')).bars.filter((b) => b.callee === 'thirdparty');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((b) => b.outcome === 'refused' && b.segments[0]?.kind === 'connect')).toBe(true);
  });

  it('draws sound bars for any scenario: every call a bar, segments in order, children inside their parent’s start (seed 21)', () => {
    fc.assert(
      fc.property(singleRunArbitrary, (scenario) => {
        const result = runScenario(scenario);
        const { bars: all, barOfEvent } = waterfallOf(result);
        const ids = new Set(all.map((b) => b.id));
        for (const e of result.events) {
          if (e.from !== e.to && (e.kind === 'request' || e.kind === 'db-query' || e.kind === 'dns-query')) expect(barOfEvent[e.id]).not.toBeNull();
          const bar = barOfEvent[e.id];
          if (bar !== null && bar !== undefined) expect(ids.has(bar)).toBe(true);
        }
        for (const bar of all) {
          expect(bar.end).toBeGreaterThanOrEqual(bar.start);
          for (const s of bar.segments) expect(s.to).toBeGreaterThanOrEqual(s.from);
          const parent = all.find((b) => b.id === bar.parent);
          if (parent) expect(bar.start).toBeGreaterThanOrEqual(parent.start);
        }
      }),
      { seed: 21, numRuns: 60 },
    );
  }, 30_000);
});
