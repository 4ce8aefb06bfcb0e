/**
 * The pieces many requests are built from, held to the theory they must obey. Fixed seeds and stated
 * tolerances: each check can fail, and none depends on the machine's speed.
 */
import { describe, expect, it } from 'vitest';
import { EdgeCache } from '@/lib/sim/cache/edge-cache';
import { Lru } from '@/lib/sim/cache/lru';
import { createRandom } from '@/lib/sim/random';
import { runScenario } from '@/lib/sim';
import { scenarioWith } from '@/lib/testing/scenario';
import { cheHitRatio, erlangC, retryAmplification, ttlHitRatio } from './theory';
import { createZipf } from './zipf';

const exponential = (u: number, rate: number) => -Math.log(1 - u) / rate;

/** Independent requests drawn from Zipf(s) over n objects, against an LRU of capacity c: the measured hit ratio. */
function lruUnderZipf({ objects, exponent, capacity, requests, warmup, seed }: { objects: number; exponent: number; capacity: number; requests: number; warmup: number; seed: number }) {
  const zipf = createZipf(objects, exponent);
  const random = createRandom(seed);
  const cache = new Lru<number, true>(capacity);
  let hits = 0;
  for (let i = 0; i < warmup + requests; i++) {
    const object = zipf.sample(random.next());
    const hit = cache.get(object) !== undefined;
    if (!hit) cache.set(object, true);
    if (hit && i >= warmup) hits += 1;
  }
  return hits / requests;
}

describe('the formulas', () => {
  it('give the textbook values', () => {
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 4);
    expect(ttlHitRatio(0.5, 10)).toBeCloseTo(5 / 6, 12);
    expect(retryAmplification(3, 3)).toBe(27);
    const zipf = createZipf(10_000, 0.8);
    const popularities = Array.from({ length: 10_000 }, (_, i) => zipf.probability(i + 1));
    expect(cheHitRatio(popularities, 1_000).hitRatio).toBeCloseTo(0.437, 2);
  });
});

describe('Zipf popularity', () => {
  it('draws each object as often as its probability says, and uniformly at s = 0', () => {
    const zipf = createZipf(50, 1);
    const random = createRandom(3);
    const counts = new Array<number>(51).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[zipf.sample(random.next())]! += 1;
    for (const i of [1, 2, 10, 50]) expect(Math.abs(counts[i]! / draws - zipf.probability(i))).toBeLessThan(0.004);
    const uniform = createZipf(4, 0);
    expect([1, 2, 3, 4].map((i) => uniform.probability(i))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect([uniform.sample(0), uniform.sample(0.2499), uniform.sample(0.25), uniform.sample(0.9999)]).toEqual([1, 1, 2, 4]);
  });
});

describe('an LRU cache under Zipf requests', () => {
  it.each([
    { objects: 10_000, exponent: 0.8, capacity: 1_000, seed: 1 },
    { objects: 1_000, exponent: 1.0, capacity: 100, seed: 2 },
    { objects: 2_000, exponent: 0.6, capacity: 500, seed: 3 },
  ])('hits as often as Che’s approximation predicts: Zipf $exponent over $objects objects, $capacity slots', ({ objects, exponent, capacity, seed }) => {
    const zipf = createZipf(objects, exponent);
    const predicted = cheHitRatio(
      Array.from({ length: objects }, (_, i) => zipf.probability(i + 1)),
      capacity,
    ).hitRatio;
    const measured = lruUnderZipf({ objects, exponent, capacity, requests: 300_000, warmup: 50_000, seed });
    expect(Math.abs(measured - predicted)).toBeLessThan(0.01);
  });
});

describe("the edge cache's TTL", () => {
  it('hits one object under Poisson requests λT/(1 + λT) of the time', () => {
    for (const { rate, ttl, seed } of [
      { rate: 0.5, ttl: 10, seed: 4 },
      { rate: 0.05, ttl: 30, seed: 5 },
    ]) {
      let nowMs = Date.UTC(2026, 0, 15);
      const cache = new EdgeCache(() => nowMs, { minTtl: 0, defaultTtl: 86_400, maxTtl: 31_536_000 });
      const random = createRandom(seed);
      const req = { url: '/api/profile', method: 'GET', headers: {} };
      let hits = 0;
      const requests = 40_000;
      for (let i = 0; i < requests; i++) {
        nowMs += exponential(random.next(), rate) * 1000;
        const entry = cache.lookup('/api/profile');
        if (entry && cache.isFresh(entry)) hits += 1;
        else cache.store('/api/profile', req, { status: 200, headers: { 'cache-control': `max-age=${ttl}`, date: new Date(nowMs).toUTCString() } }, '{}');
      }
      expect(Math.abs(hits / requests - ttlHitRatio(rate, ttl))).toBeLessThan(0.01);
    }
  });
});

describe('retries at every layer', () => {
  it('multiply: two layers of three tries knock on a refusing payments API a² = 9 times', () => {
    const knocks = (layers: ('browser' | 'thirdparty')[]) =>
      runScenario(scenarioWith({ thirdParty: { behaviour: 'down' }, cache: { state: 'off' }, retry: { layers, attempts: 3 } })).events.filter(
        (e) => e.kind === 'tcp-syn' && e.to === 'thirdparty',
      ).length;
    expect(knocks(['thirdparty'])).toBe(retryAmplification(3, 1));
    expect(knocks(['browser', 'thirdparty'])).toBe(retryAmplification(3, 2));
  });
});

describe("the edge cache's capacity", () => {
  it('evicts the object used least recently once full', () => {
    const nowMs = Date.UTC(2026, 0, 15);
    const cache = new EdgeCache(() => nowMs, { minTtl: 0, defaultTtl: 86_400, maxTtl: 31_536_000 }, 2);
    const keep = (url: string) => cache.store(url, { url, method: 'GET', headers: {} }, { status: 200, headers: { 'cache-control': 'max-age=60' } }, url);
    keep('/a');
    keep('/b');
    cache.lookup('/a');
    keep('/c');
    expect(['/a', '/b', '/c'].map((url) => cache.lookup(url)?.body ?? null)).toEqual(['/a', null, '/c']);
  });
});

