/**
 * A bulkhead: at most so many calls on one edge at once, so a slow dependency cannot take every worker with it.
 * Modelled on resilience4j's semaphore bulkhead (resilience4j-bulkhead 2.4.0, BulkheadConfig and SemaphoreBulkhead):
 * a permit per call, and with the default `maxWaitDuration` of 0 a call that finds no permit is rejected at once
 * (BulkheadFullException) instead of queueing.
 *
 * A permit is held while the caller waits for the call: it comes back with the answer or when the caller's own
 * deadline gives up on it, as a thread blocked in the call is freed when the call returns or throws. Work the
 * callee goes on doing unread holds no permit (the database pool is what such work keeps busy: lib/sim/pool.ts).
 */

/** resilience4j's BulkheadConfig defaults: DEFAULT_MAX_CONCURRENT_CALLS 25, DEFAULT_MAX_WAIT_DURATION 0 s. */
export const BULKHEAD_DEFAULTS = Object.freeze({ maxConcurrentCalls: 25, maxWaitDurationMs: 0 });

export class SemaphoreBulkhead {
  /** Calls holding a permit now. */
  inFlight = 0;

  constructor(readonly maxConcurrentCalls: number = BULKHEAD_DEFAULTS.maxConcurrentCalls) {}

  /** Takes a permit if one is free; with no wait allowed, false means the call is rejected now. */
  tryAcquire(): boolean {
    if (this.inFlight >= this.maxConcurrentCalls) return false;
    this.inFlight += 1;
    return true;
  }

  release(): void {
    if (this.inFlight > 0) this.inFlight -= 1;
  }

  /** What resilience4j says when it rejects a call. */
  refusal(): string {
    return `BulkheadFullException: Bulkhead is full and does not permit further calls (${this.inFlight}/${this.maxConcurrentCalls} in flight, maxWaitDuration 0)`;
  }
}
