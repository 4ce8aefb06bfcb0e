import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATE_CHECK_INTERVAL_MS, RateCounter } from './rate-based';

const A = 1;
const B = 2;

/**
 * The documented rule, by brute force: at each check (every 10 s) an address is over the limit when more than `limit`
 * of its requests came in the window before that moment; a request meets the latest check's verdict.
 */
function oracle(limit: number, windowS: number, times: readonly number[]): boolean[] {
  return times.map((t) => {
    const check = Math.floor(t / RATE_CHECK_INTERVAL_MS) * RATE_CHECK_INTERVAL_MS;
    const inWindow = times.filter((s) => s < check && s >= check - windowS * 1000).length;
    return inWindow > limit;
  });
}

describe('a rate-based rule’s counting (AWS WAF: per address, over the evaluation window, checked about every 10 s)', () => {
  it('acts only from the check after the limit is crossed, and stops once the window no longer holds the requests', () => {
    const counter = new RateCounter(10, 60);
    // Eleven requests in the first second: more than the limit, but the check at 0 s saw none.
    for (let i = 0; i < 11; i++) expect(counter.hit(A, 100 * i)).toBe(false);
    expect(counter.hit(A, 9_999)).toBe(false);
    // The check at 10 s counts the 12 requests of the first stretch.
    expect(counter.hit(A, 10_000)).toBe(true);
    expect(counter.countedAtCheck(A)).toBe(12);
    // Still in the window at the check at 60 s…
    expect(counter.hit(A, 69_999)).toBe(true);
    // …gone from it at 70 s: the window (10 s to 70 s) holds only the two requests sent at 10 s and 69.999 s.
    expect(counter.hit(A, 70_000)).toBe(false);
    expect(counter.countedAtCheck(A)).toBe(2);
  });

  it('lets the limit itself through: only a count over it matches', () => {
    const at = new RateCounter(10, 60);
    for (let i = 0; i < 10; i++) at.hit(A, i);
    expect(at.hit(A, 10_000)).toBe(false);
    const over = new RateCounter(10, 60);
    for (let i = 0; i < 11; i++) over.hit(A, i);
    expect(over.hit(A, 10_000)).toBe(true);
  });

  it('counts each address on its own', () => {
    const counter = new RateCounter(10, 300);
    for (let i = 0; i < 50; i++) counter.hit(A, i);
    counter.hit(B, 5);
    expect(counter.hit(A, 20_000)).toBe(true);
    expect(counter.hit(B, 20_000)).toBe(false);
  });

  it('counts requests sent before the run began (a single run’s ipRequests)', () => {
    const counter = new RateCounter(100, 300);
    counter.seed(A, 101, 0);
    expect(counter.hit(A, 80)).toBe(true);
    expect(counter.countedAtCheck(A)).toBe(101);
  });

  it('keeps a seed for an earlier stretch apart from the requests of a later one, and lets each leave the window in turn', () => {
    const counter = new RateCounter(10, 60);
    counter.hit(A, 25_000);
    counter.seed(A, 20, 25_000);
    // The check at 30 s sees the seed (10–20 s) and the request at 25 s.
    expect(counter.hit(A, 30_000)).toBe(true);
    expect(counter.countedAtCheck(A)).toBe(21);
    // At 80 s the window is 20–80 s: the request at 25 s and the one at 30 s, not the seed.
    expect(counter.hit(A, 80_000)).toBe(false);
    expect(counter.countedAtCheck(A)).toBe(2);
    // At 95 s (window 30–90 s) only the 30 s and 80 s requests are left.
    counter.hit(A, 95_000);
    expect(counter.countedAtCheck(A)).toBe(2);
  });

  it('forgets addresses whose requests left the window: memory stays bounded by one window’s requests', () => {
    const counter = new RateCounter(10, 60);
    for (let address = 0; address < 10_000; address++) counter.hit(address, address);
    expect(counter.tracked).toBe(10_000);
    // 70 s later every one of those requests is out of the window (and of the stretch being filled).
    counter.hit(B, 80_000);
    expect(counter.tracked).toBe(1);
  });

  it('agrees with the documented rule at every request, whatever the times and window (seed 5)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 30 }),
        fc.constantFrom(60, 120, 300, 600),
        fc.array(fc.integer({ min: 0, max: 1_500_000 }), { minLength: 1, maxLength: 400 }),
        (limit, windowS, raw) => {
          const times = [...raw].sort((x, y) => x - y);
          const counter = new RateCounter(limit, windowS);
          expect(times.map((t) => counter.hit(A, t))).toEqual(oracle(limit, windowS, times));
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it('starts acting within one check of a flood crossing the limit (seed 6)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 20, max: 200 }), (startMs, perSecond) => {
        const counter = new RateCounter(10, 60);
        const gap = 1000 / perSecond;
        let crossedAt = Number.NaN;
        let actedAt = Number.NaN;
        for (let i = 0; Number.isNaN(actedAt); i++) {
          const t = startMs + i * gap;
          if (i === 10) crossedAt = t; // the 11th request puts the count over 10
          if (counter.hit(A, t)) actedAt = t;
        }
        expect(actedAt).toBeGreaterThan(crossedAt);
        expect(actedAt - crossedAt).toBeLessThanOrEqual(RATE_CHECK_INTERVAL_MS + gap);
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});
