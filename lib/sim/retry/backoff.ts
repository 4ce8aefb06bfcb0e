/**
 * How long to wait before retry n (n = 0 for the first retry).
 *
 * Source: AWS Architecture Blog, "Exponential Backoff And Jitter" (2015), and its simulator
 * aws-samples/aws-arch-backoff-simulator:
 *   expo(n)      = min(cap, base · 2^n)
 *   none         = expo(n)
 *   full         = random(0, expo(n))
 *   equal        = expo(n)/2 + random(0, expo(n)/2)
 *   decorrelated = min(cap, random(base, prev · 3)), prev starting at base
 *
 * The backoff shape picks the ceiling the jitter works on: `none` never waits, `fixed` waits up to `base`
 * every time, `exponential` doubles. Decorrelated jitter grows from the previous sleep by design, so it
 * ignores the shape (except `none`).
 */
import type { Backoff, Jitter } from '@/lib/scenario/schema';
import type { Random } from '../random';

export interface BackoffPolicy {
  backoff: Backoff;
  jitter: Jitter;
  baseMs: number;
  capMs: number;
}

export interface Delay {
  waitMs: number;
  /** The bounds the jitter formula allows for this retry, for tests and the inspector. */
  minMs: number;
  maxMs: number;
  /** The formula in words, e.g. `random(0, min(cap, base·2^1)) = random(0, 200)`. */
  formula: string;
}

export function ceilingMs(policy: BackoffPolicy, retryIndex: number): number {
  switch (policy.backoff) {
    case 'none':
      return 0;
    case 'fixed':
      return Math.min(policy.capMs, policy.baseMs);
    case 'exponential':
      return Math.min(policy.capMs, policy.baseMs * 2 ** retryIndex);
  }
}

/** `previousMs` is the previous sleep (decorrelated jitter only); pass `policy.baseMs` before the first retry. */
export function nextDelay(policy: BackoffPolicy, retryIndex: number, previousMs: number, random: Random): Delay {
  const expo = ceilingMs(policy, retryIndex);
  if (policy.backoff === 'none') return { waitMs: 0, minMs: 0, maxMs: 0, formula: 'no backoff: retry at once' };
  const shape = policy.backoff === 'fixed' ? 'base' : `min(cap, base·2^${retryIndex})`;
  switch (policy.jitter) {
    case 'none':
      return { waitMs: Math.round(expo), minMs: expo, maxMs: expo, formula: `${shape} = ${expo} ms` };
    case 'full': {
      const waitMs = Math.round(random.between(0, expo));
      return { waitMs, minMs: 0, maxMs: expo, formula: `random(0, ${shape}) = random(0, ${expo})` };
    }
    case 'equal': {
      const waitMs = Math.round(expo / 2 + random.between(0, expo / 2));
      return { waitMs, minMs: expo / 2, maxMs: expo, formula: `${shape}/2 + random(0, ${shape}/2), in [${expo / 2}, ${expo}]` };
    }
    case 'decorrelated': {
      const upper = Math.max(policy.baseMs, previousMs * 3);
      const waitMs = Math.round(Math.min(policy.capMs, random.between(policy.baseMs, upper)));
      const maxMs = Math.min(policy.capMs, upper);
      return {
        waitMs,
        minMs: Math.min(policy.capMs, policy.baseMs),
        maxMs,
        formula: `min(cap, random(base, prev·3)) = min(${policy.capMs}, random(${policy.baseMs}, ${upper}))`,
      };
    }
  }
}

/**
 * The waits of one caller's retries, in order: each call gives the next retry's delay. It keeps the retry's index
 * (from `firstRetryIndex`: the engine's retry loop counts from 0, the backoff study from 1, as the blog's
 * simulator does) and, for decorrelated jitter, the previous sleep (never less than `base`; the simulator starts
 * it at `base`). Every retry loop draws its waits here, so they all follow the same formulas.
 */
export function backoffSchedule(policy: BackoffPolicy, random: Random, firstRetryIndex = 0): () => Delay {
  let retryIndex = firstRetryIndex;
  let previousSleep = policy.baseMs;
  return () => {
    const delay = nextDelay(policy, retryIndex, previousSleep, random);
    retryIndex += 1;
    previousSleep = Math.max(delay.waitMs, policy.baseMs);
    return delay;
  };
}
