import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { backoffSchedule, type BackoffPolicy } from './backoff';

const waits = (policy: BackoffPolicy, count: number, firstRetryIndex?: number, seed = 1) => {
  const next = backoffSchedule(policy, createRandom(seed), firstRetryIndex);
  return Array.from({ length: count }, () => next().waitMs);
};

describe('a backoff schedule', () => {
  const study: BackoffPolicy = { backoff: 'exponential', jitter: 'none', baseMs: 5, capMs: 2000 };

  it('doubles from base without jitter, capped: min(cap, base · 2^n), n from 0 in the engine', () => {
    expect(waits(study, 11)).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 2000, 2000]);
  });

  it('starts one doubling later when counted from 1, as the backoff study’s simulator counts', () => {
    expect(waits(study, 10, 1)).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 2000, 2000]);
  });

  it('never waits without backoff, whatever the jitter', () => {
    for (const jitter of ['none', 'full', 'equal', 'decorrelated'] as const) expect(waits({ ...study, backoff: 'none', jitter }, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps full and equal jitter under the doubling ceiling, equal at least half of it (seed 11)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const ceilings = [10, 20, 40, 80, 160, 320, 640, 1280, 2000, 2000];
        const full = waits({ ...study, jitter: 'full' }, 10, 1, seed);
        const equal = waits({ ...study, jitter: 'equal' }, 10, 1, seed);
        ceilings.forEach((ceiling, n) => {
          expect(full[n]).toBeGreaterThanOrEqual(0);
          expect(full[n]).toBeLessThanOrEqual(ceiling);
          expect(equal[n]).toBeGreaterThanOrEqual(ceiling / 2);
          expect(equal[n]).toBeLessThanOrEqual(ceiling);
        });
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('grows decorrelated jitter from the previous sleep: between base and three times it, capped (seed 12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const sleeps = waits({ ...study, jitter: 'decorrelated' }, 20, 0, seed);
        let previous = study.baseMs;
        for (const sleep of sleeps) {
          expect(sleep).toBeGreaterThanOrEqual(study.baseMs);
          // Whole milliseconds: the draw is rounded, so it may land half a millisecond past three times the previous.
          expect(sleep).toBeLessThanOrEqual(Math.min(study.capMs, Math.round(previous * 3)));
          previous = Math.max(sleep, study.baseMs);
        }
      }),
      { seed: 12, numRuns: 100 },
    );
  });
});
