/**
 * What a caller serves when a call fails or is refused (`fallback`):
 * - `cache`: the last good answer it got for the same thing, while it is younger than `fallbackTtl`;
 * - `stale`: the last good answer, however old (the caller-side twin of RFC 5861's stale-if-error);
 * - `default`: an answer built in, always there, that says less (a guest profile, a plan left unknown).
 *
 * The store keeps only when each key last succeeded: the engine's answers are derived from the world, so the
 * caller can rebuild one. It belongs to one process (a pod, a visitor's browser), as an in-memory cache does, and
 * it holds one entry per key asked for, so it is bounded by the URLs a run spreads over.
 */
import type { Fallback } from '@/lib/scenario/schema';

export type FallbackServed = Exclude<Fallback, 'none'>;

/** What stands in for a failed call: an answer of some age (null for `default`), or nothing, and why. */
export type FallbackChoice = { serves: FallbackServed; ageMs: number | null } | { serves: null; why: string };

export class FallbackStore {
  // The first key is kept in two fields and a map is made only for a second: a visitor's browser asks for one URL.
  private firstKey: string | null = null;
  private firstAt = 0;
  private others: Map<string, number> | null = null;

  constructor(
    readonly kind: FallbackServed,
    readonly ttlMs: number,
  ) {}

  /** A call for `key` succeeded now. */
  remember(key: string, nowMs: number): void {
    if (this.kind === 'default') return;
    if (this.firstKey === null || this.firstKey === key) {
      this.firstKey = key;
      this.firstAt = nowMs;
    } else (this.others ??= new Map()).set(key, nowMs);
  }

  private keptAt(key: string): number | undefined {
    return key === this.firstKey ? this.firstAt : this.others?.get(key);
  }

  /** What can stand in now for a failed call for `key`. */
  choose(key: string, nowMs: number): FallbackChoice {
    if (this.kind === 'default') return { serves: 'default', ageMs: null };
    const at = this.keptAt(key);
    if (at === undefined) return { serves: null, why: 'no earlier answer is kept for it' };
    const ageMs = nowMs - at;
    if (this.kind === 'cache' && ageMs > this.ttlMs) {
      return { serves: null, why: `the kept answer is ${Math.round(ageMs / 100) / 10} s old, past the cache's ${this.ttlMs / 1000} s` };
    }
    return { serves: this.kind, ageMs };
  }
}
