/**
 * Origin Shield (CloudFront Developer Guide, "Use Amazon CloudFront Origin Shield"; "How CloudFront works with regional
 * edge caches"): a miss at an edge location asks it before the origin; it keeps copies and collapses requests, so the
 * origin sees one request per object however many edge locations miss it; proxy methods and requests on a behaviour
 * that does not cache skip it; an invalidation reaches it too.
 */
import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '@/lib/scenario/schema';
import { runScenario } from '@/lib/sim';
import { createContext } from '@/lib/sim/context';
import { TraceRecorder } from '@/lib/sim/recorder';
import { scenarioWith } from '@/lib/testing/scenario';
import { runTrafficSync } from '@/lib/traffic';

type Changes = NonNullable<Parameters<typeof scenarioWith>[0]>;

const shieldEvents = (changes: Changes) => runScenario(scenarioWith(changes)).events.filter((e) => e.requestId === 'r1' && e.kind.startsWith('origin-shield'));

/** Every object of `objects` asked for many times at each of four edge locations, copies kept an hour. */
function everyObjectEverywhere(changes: Changes): Changes {
  return {
    mode: 'traffic',
    seed: 3,
    ...changes,
    cache: { cacheControl: 'public, max-age=3600', ...changes.cache },
    traffic: { rate: 100, durationS: 40, objects: 50, zipf: 0, ...changes.traffic },
    cdn: { edgeLocations: 4, ...changes.cdn },
  };
}

describe('Origin Shield, one request', () => {
  it('sits between the edge and the origin on a miss: edge → Origin Shield → origin → Origin Shield → edge', () => {
    const { events, outcome } = runScenario(scenarioWith({ cdn: { originShield: true } }));
    const r1 = events.filter((e) => e.requestId === 'r1');
    const at = (predicate: (e: (typeof r1)[number]) => boolean) => r1.findIndex(predicate);
    const edgeMiss = at((e) => e.kind === 'cache-miss' && e.decision === 'X-Cache: Miss from cloudfront');
    const out = at((e) => e.kind === 'origin-shield-request');
    const shieldMiss = at((e) => e.kind === 'cache-miss' && e.decision === 'Origin Shield: Miss');
    const toOrigin = at((e) => e.kind === 'request' && e.from === 'edge' && e.to === 'alb');
    const fromOrigin = at((e) => e.kind === 'response' && e.from === 'alb' && e.to === 'edge');
    const shieldStore = at((e) => e.kind === 'cache-store' && e.decision?.startsWith('Origin Shield: stored') === true);
    const back = at((e) => e.kind === 'origin-shield-response');
    const edgeStore = at((e) => e.kind === 'cache-store' && e.decision?.startsWith('stored') === true);
    expect([edgeMiss, out, shieldMiss, toOrigin, fromOrigin, shieldStore, back, edgeStore].every((i, n, all) => i >= 0 && (n === 0 || i > all[n - 1]!))).toBe(true);
    expect(outcome.status).toBe(200);
    expect(outcome.answeredBy).toBe('app');
  });

  it('adds exactly its round trip to a miss', () => {
    const plain = runScenario(scenarioWith({})).outcome.latencyMs;
    expect(runScenario(scenarioWith({ cdn: { originShield: true } })).outcome.latencyMs).toBe(plain + 30);
    expect(runScenario(scenarioWith({ cdn: { originShield: true, originShieldRttMs: 84 } })).outcome.latencyMs).toBe(plain + 84);
  });

  it('is not asked when the edge has a fresh copy', () => {
    expect(shieldEvents({ cache: { state: 'fresh' }, cdn: { originShield: true } })).toEqual([]);
  });

  it('takes GET and HEAD; POST, PUT, PATCH, DELETE and OPTIONS go straight to the origin', () => {
    const through = (method: HttpMethod) => shieldEvents({ request: { method }, cdn: { originShield: true } }).length > 0;
    expect(['GET', 'HEAD'].map((m) => through(m as HttpMethod))).toEqual([true, true]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m) => through(m as HttpMethod))).toEqual([false, false, false, false, false]);
  });

  it('is skipped by a behaviour that does not cache', () => {
    expect(shieldEvents({ cache: { state: 'off' }, cdn: { originShield: true } })).toEqual([]);
  });

  it('stands in front of S3 too', () => {
    expect(shieldEvents({ request: { kind: 'static' }, cdn: { originShield: true } }).map((e) => e.kind)).toEqual(['origin-shield-request', 'origin-shield-response']);
  });

  it('passes a revalidation through: the edge’s stale copy is confirmed by the origin’s 304', () => {
    const { events, outcome } = runScenario(scenarioWith({ cache: { state: 'stale' }, cdn: { originShield: true } }));
    expect(outcome.cache).toBe('revalidated');
    expect(events.some((e) => e.kind === 'response' && e.from === 'alb' && e.status === 304)).toBe(true);
  });

  it('is off by default, and then nothing stands between the edge and the origin', () => {
    const { distribution } = createContext(scenarioWith({}), new TraceRecorder()).world;
    expect(distribution.originShield).toBeNull();
    expect(distribution.direct).toBe(true);
    expect(shieldEvents({})).toEqual([]);
  });
});

describe('Origin Shield, many requests', () => {
  it('lets each object reach the origin once, however many edge locations miss it', () => {
    const without = runTrafficSync(scenarioWith(everyObjectEverywhere({}))).summary;
    const withShield = runTrafficSync(scenarioWith(everyObjectEverywhere({ cdn: { originShield: true } }))).summary;
    // Four edge locations, each collapsing its own misses, each fetch every object once; Origin Shield fetches it once.
    expect(without.originRequests).toBe(200);
    expect(withShield.originRequests).toBe(50);
    // Every edge location's first miss of every object asked Origin Shield; all but the fifty it had to fetch were
    // answered from its copy, or from the one fetch already under way.
    expect(withShield.cdn?.originShield?.lookups).toBe(200);
    expect(withShield.cdn?.originShield?.hits).toBeLessThanOrEqual(150);
    expect(withShield.cdn?.originShield?.hits).toBeGreaterThan(100);
    expect(without.cdn).toEqual({ edgeLocations: 4 });
  });

  it('is emptied by an invalidation too, once it propagates', () => {
    const invalidated = (cdn: Changes['cdn']) =>
      runTrafficSync(scenarioWith(everyObjectEverywhere({ cdn, traffic: { durationS: 60, invalidationDelayS: 5, timeline: [{ atS: 25, action: 'invalidate' }] } }))).summary.originRequests;
    expect(invalidated({ originShield: true })).toBe(100);
    expect(invalidated({ originShield: false })).toBe(400);
    // Only what the paths name comes back: objects 1 and 10–19 (eleven of fifty); a path in the wrong case names nothing.
    expect(invalidated({ originShield: true, invalidationPaths: '/api/products/1*' })).toBe(61);
    expect(invalidated({ originShield: true, invalidationPaths: '/API/*' })).toBe(50);
  });

  it('holds only its capacity, least recently used out first', () => {
    const small = runTrafficSync(scenarioWith(everyObjectEverywhere({ cache: { capacity: 10 }, traffic: { durationS: 20 }, cdn: { originShield: true, originShieldCapacity: 10 } }))).summary;
    const large = runTrafficSync(scenarioWith(everyObjectEverywhere({ cache: { capacity: 10 }, traffic: { durationS: 20 }, cdn: { originShield: true } }))).summary;
    expect(large.originRequests).toBe(50);
    expect(small.originRequests).toBeGreaterThan(500);
  });
});
