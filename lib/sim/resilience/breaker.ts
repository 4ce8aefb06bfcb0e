/**
 * Circuit breakers, as pure state machines on simulated time: resilience4j's and opossum's, each as its library
 * implements it. Nothing here sleeps or reads a clock: every method takes the simulated instant, so the same calls
 * at the same instants always make the same transitions (the unit tests drive them by hand).
 *
 * A breaker is asked before each call (`tryAcquire`) and told how it ended (`onResult`). What either did to the
 * state is left in `transitions`, each with its reason in words, for the caller to record as events; the array is
 * reused, so a call that changes nothing allocates nothing.
 *
 * What counts as a failure is the caller's business (lib/sim/resilience/guarded.ts): a timeout, a refused
 * connection, a 5xx. Both libraries record every error by default (resilience4j: `recordExceptions` empty, so all
 * are recorded; opossum: no `errorFilter`).
 */
import type { BreakerLibrary } from '@/lib/scenario/schema';

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface Transition {
  from: BreakerState;
  to: BreakerState;
  /** When it happened. opossum's reset timer fires on its own, so its half-open can be earlier than the call that finds it. */
  atMs: number;
  /** Why, in words: "failure rate 54% ≥ 50% over the last 100 calls". */
  reason: string;
}

export interface CircuitBreaker {
  readonly library: Exclude<BreakerLibrary, 'off'>;
  /** The state as the last call or result left it. */
  readonly state: BreakerState;
  /** The transitions the last `tryAcquire` or `onResult` made, in order. Read it before the next call: it is reused. */
  readonly transitions: readonly Transition[];
  /** Whether a call may go ahead now. A refused call is not made: the caller fails fast, and its fallback runs. */
  tryAcquire(nowMs: number): boolean;
  /** How a permitted call ended: whether it failed, and how long it took. */
  onResult(nowMs: number, failed: boolean, durationMs: number): void;
  /** Why a call is refused now, as the library says it. */
  refusal(): string;
}

/** A percentage as the reasons write it: whole, or with one decimal. */
export function percent(x: number): string {
  return `${Math.round(x * 10) / 10}%`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

// ---------------------------------------------------------------------------------------------------------------
// resilience4j (Java): resilience4j-circuitbreaker 2.4.0, CircuitBreakerStateMachine and CircuitBreakerMetrics.
// ---------------------------------------------------------------------------------------------------------------

export interface Resilience4jConfig {
  /** Opens when the failure rate is at or above this, in % (`failureRateThreshold`). */
  failureRateThreshold: number;
  /** Opens when the share of slow calls is at or above this, in % (`slowCallRateThreshold`). */
  slowCallRateThreshold: number;
  /** A call that takes longer than this is slow (`slowCallDurationThreshold`). */
  slowCallDurationThresholdMs: number;
  /** The count-based window: the outcomes of the last this-many calls (`slidingWindowSize`, `COUNT_BASED`). */
  slidingWindowSize: number;
  /** No rate is worked out until this many calls are in the window (`minimumNumberOfCalls`). */
  minimumNumberOfCalls: number;
  /** How long it stays open (`waitDurationInOpenState`). */
  waitDurationInOpenStateMs: number;
  /** The trial calls let through while half-open (`permittedNumberOfCallsInHalfOpenState`). */
  permittedNumberOfCallsInHalfOpenState: number;
}

/**
 * resilience4j's defaults (CircuitBreakerConfig, DEFAULT_* constants): failure rate 50%, slow-call rate 100%, slow
 * above 60 s, a count-based window of 100 calls with a minimum of 100, 60 s open, 10 calls half-open.
 * `automaticTransitionFromOpenToHalfOpenEnabled` is false by default, so the breaker turns half-open only when a
 * call arrives after the wait; `maxWaitDurationInHalfOpenState` is 0, so it stays half-open until its trial calls end.
 */
export const RESILIENCE4J_DEFAULTS: Readonly<Resilience4jConfig> = Object.freeze({
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallDurationThresholdMs: 60_000,
  slidingWindowSize: 100,
  minimumNumberOfCalls: 100,
  waitDurationInOpenStateMs: 60_000,
  permittedNumberOfCallsInHalfOpenState: 10,
});

const FAILED = 1;
const SLOW = 2;

/** A count-based sliding window: a ring of the last `size` outcomes and running totals (FixedSizeSlidingWindowMetrics). */
export class CountWindow {
  /** Grows up to `size`, then is overwritten in turn: a visitor's breaker that records one call keeps one slot. */
  private readonly ring: number[] = [];
  private next = 0;
  calls = 0;
  failures = 0;
  slow = 0;

  /** `minimum` is the calls needed before a rate counts: min(minimumNumberOfCalls, size) for a count-based window. */
  constructor(
    readonly size: number,
    readonly minimum: number,
  ) {}

  record(failed: boolean, slow: boolean): void {
    const { ring } = this;
    if (this.calls === this.size) {
      const evicted = ring[this.next]!;
      if (evicted & FAILED) this.failures -= 1;
      if (evicted & SLOW) this.slow -= 1;
    } else this.calls += 1;
    ring[this.next] = (failed ? FAILED : 0) | (slow ? SLOW : 0);
    if (failed) this.failures += 1;
    if (slow) this.slow += 1;
    this.next = (this.next + 1) % this.size;
  }

  /** Rates count only once the window holds the minimum number of calls (CircuitBreakerMetrics: -1 below it). */
  get counts(): boolean {
    return this.calls > 0 && this.calls >= this.minimum;
  }
  get failureRate(): number {
    return (this.failures * 100) / this.calls;
  }
  get slowRate(): number {
    return (this.slow * 100) / this.calls;
  }
}

export class Resilience4jBreaker implements CircuitBreaker {
  readonly library = 'resilience4j';
  state: BreakerState = 'CLOSED';
  readonly transitions: Transition[] = [];
  private window: CountWindow;
  private openUntilMs = 0;
  private permits = 0;

  constructor(readonly config: Readonly<Resilience4jConfig> = RESILIENCE4J_DEFAULTS) {
    this.window = this.closedWindow();
  }

  private closedWindow(): CountWindow {
    const { slidingWindowSize, minimumNumberOfCalls } = this.config;
    return new CountWindow(slidingWindowSize, Math.min(minimumNumberOfCalls, slidingWindowSize));
  }

  private move(to: BreakerState, atMs: number, reason: string): void {
    this.transitions.push({ from: this.state, to, atMs, reason });
    this.state = to;
    if (to === 'OPEN') this.openUntilMs = atMs + this.config.waitDurationInOpenStateMs;
    if (to === 'CLOSED') this.window = this.closedWindow();
    if (to === 'HALF_OPEN') {
      const { permittedNumberOfCallsInHalfOpenState: permitted, minimumNumberOfCalls } = this.config;
      // CircuitBreakerMetrics.forHalfOpen: a count-based window of the permitted calls.
      this.window = new CountWindow(permitted, Math.min(minimumNumberOfCalls, permitted));
      this.permits = permitted;
    }
  }

  tryAcquire(nowMs: number): boolean {
    this.transitions.length = 0;
    // OpenState.tryAcquirePermission: once the clock is after the wait, the call itself turns the breaker half-open.
    if (this.state === 'OPEN' && nowMs > this.openUntilMs) {
      this.move('HALF_OPEN', nowMs, `its waitDurationInOpenState of ${seconds(this.config.waitDurationInOpenStateMs)} has passed`);
    }
    if (this.state === 'CLOSED') return true;
    if (this.state === 'HALF_OPEN' && this.permits > 0) {
      this.permits -= 1;
      return true;
    }
    return false;
  }

  onResult(nowMs: number, failed: boolean, durationMs: number): void {
    this.transitions.length = 0;
    const { config, window } = this;
    // Slow is strictly longer than the threshold (CircuitBreakerMetrics.onSuccess / onError).
    window.record(failed, durationMs > config.slowCallDurationThresholdMs);
    // An open breaker still records calls that were under way when it opened, and moves on nothing (OpenState).
    if (this.state === 'OPEN' || !window.counts) return;
    const failing = window.failureRate >= config.failureRateThreshold;
    const slow = window.slowRate >= config.slowCallRateThreshold;
    const over = this.state === 'CLOSED' ? `over the last ${window.calls} calls` : `over the ${window.calls} calls permitted while half-open`;
    if (failing || slow) {
      const why = failing
        ? `failure rate ${percent(window.failureRate)} ≥ ${config.failureRateThreshold}%`
        : `slow-call rate ${percent(window.slowRate)} ≥ ${config.slowCallRateThreshold}% (calls over ${seconds(config.slowCallDurationThresholdMs)})`;
      this.move('OPEN', nowMs, `${why} ${over}`);
    } else if (this.state === 'HALF_OPEN') {
      this.move(
        'CLOSED',
        nowMs,
        `failure rate ${percent(window.failureRate)} < ${config.failureRateThreshold}% and slow-call rate ${percent(window.slowRate)} < ${config.slowCallRateThreshold}% ${over}`,
      );
    }
  }

  refusal(): string {
    // CallNotPermittedException's message.
    return `CallNotPermittedException: CircuitBreaker is ${this.state} and does not permit further calls`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// opossum (Node.js): opossum 10.0.0, lib/circuit.js and lib/status.js.
// ---------------------------------------------------------------------------------------------------------------

export interface OpossumConfig {
  /** Opens when the error percentage is strictly above this (`errorThresholdPercentage`). */
  errorThresholdPercentage: number;
  /** How long it stays open before one trial call (opossum's reset timeout option). */
  trialAfterMs: number;
  /** The rolling statistical window (`rollingCountTimeout`). */
  rollingCountTimeoutMs: number;
  /** The buckets it is divided into (`rollingCountBuckets`). */
  rollingCountBuckets: number;
  /** No opening until the window holds this many calls (`volumeThreshold`). */
  volumeThreshold: number;
}

/**
 * opossum's defaults (README, "options"; lib/circuit.js): 50%, a reset timeout of 30 s, a rolling window of 10 s in 10
 * buckets, volumeThreshold 0. With no volume threshold, the first call's failure is 100% of the window and opens it
 * (the README's reason for `allowWarmUp`, off by default).
 */
export const OPOSSUM_DEFAULTS: Readonly<OpossumConfig> = Object.freeze({
  errorThresholdPercentage: 50,
  trialAfterMs: 30_000,
  rollingCountTimeoutMs: 10_000,
  rollingCountBuckets: 10,
  volumeThreshold: 0,
});

/**
 * opossum's rolling window (lib/status.js): buckets that rotate every rollingCountTimeout / rollingCountBuckets
 * (rounded down) from the breaker's creation, each counting calls made (`fires`, rejected ones included) and failures.
 * The window is the sum of all its buckets.
 */
export class RollingWindow {
  private readonly fires: number[];
  private readonly failures: number[];
  readonly bucketMs: number;
  private slot = 0;
  totalFires = 0;
  totalFailures = 0;

  constructor(
    readonly timeoutMs: number,
    readonly buckets: number,
    private readonly createdAtMs: number,
  ) {
    this.fires = new Array<number>(buckets).fill(0);
    this.failures = new Array<number>(buckets).fill(0);
    // opossum rotates a bucket on an interval of floor(window / buckets) ms; an interval of 0 still waits at least a millisecond.
    this.bucketMs = Math.max(1, Math.floor(timeoutMs / buckets));
  }

  /** Brings the window to `nowMs`: each rotation since the last call empties the oldest bucket. */
  private rotate(nowMs: number): number {
    const slot = Math.floor((nowMs - this.createdAtMs) / this.bucketMs);
    for (let s = this.slot + 1; s <= slot && s <= this.slot + this.buckets; s++) {
      const i = s % this.buckets;
      this.totalFires -= this.fires[i]!;
      this.totalFailures -= this.failures[i]!;
      this.fires[i] = 0;
      this.failures[i] = 0;
    }
    if (slot > this.slot) this.slot = slot;
    return this.slot % this.buckets;
  }

  fire(nowMs: number): void {
    this.fires[this.rotate(nowMs)]! += 1;
    this.totalFires += 1;
  }

  failure(nowMs: number): void {
    this.failures[this.rotate(nowMs)]! += 1;
    this.totalFailures += 1;
  }

  /** The window's totals as of `nowMs`. */
  at(nowMs: number): this {
    this.rotate(nowMs);
    return this;
  }
}

export class OpossumBreaker implements CircuitBreaker {
  readonly library = 'opossum';
  state: BreakerState = 'CLOSED';
  readonly transitions: Transition[] = [];
  readonly window: RollingWindow;
  /** Set when the reset timer turns the breaker half-open: the next call is the one trial (`PENDING_CLOSE`). */
  private pendingClose = false;
  private openedAtMs = 0;

  constructor(
    readonly config: Readonly<OpossumConfig> = OPOSSUM_DEFAULTS,
    createdAtMs = 0,
  ) {
    this.window = new RollingWindow(config.rollingCountTimeoutMs, config.rollingCountBuckets, createdAtMs);
  }

  private move(to: BreakerState, atMs: number, reason: string): void {
    this.transitions.push({ from: this.state, to, atMs, reason });
    this.state = to;
    this.pendingClose = to === 'HALF_OPEN';
    if (to === 'OPEN') this.openedAtMs = atMs;
  }

  /** opossum's reset timer, started on `open`, fires on its own: read it when anything happens after it. */
  private timers(nowMs: number): void {
    const at = this.openedAtMs + this.config.trialAfterMs;
    if (this.state === 'OPEN' && nowMs >= at) this.move('HALF_OPEN', at, `its reset timeout of ${seconds(this.config.trialAfterMs)} has passed: one trial call may go`);
  }

  tryAcquire(nowMs: number): boolean {
    this.transitions.length = 0;
    this.timers(nowMs);
    // `fire` is emitted before the state is checked, so a rejected call counts in the window too.
    this.window.fire(nowMs);
    if (this.state === 'CLOSED') return true;
    if (this.pendingClose) {
      this.pendingClose = false;
      return true;
    }
    return false;
  }

  onResult(nowMs: number, failed: boolean): void {
    this.transitions.length = 0;
    this.timers(nowMs);
    if (!failed) {
      // Any success while half-open closes it, the trial's or a call's that began earlier ('success' handler).
      if (this.state === 'HALF_OPEN') this.move('CLOSED', nowMs, 'a call succeeded while it was half-open');
      return;
    }
    this.window.failure(nowMs);
    const { totalFires: fires, totalFailures: failures } = this.window.at(nowMs);
    const halfOpen = this.state === 'HALF_OPEN';
    // fail(): below the volume threshold nothing opens it, unless it is half-open.
    if (fires < this.config.volumeThreshold && !halfOpen) return;
    const errorRate = (failures / fires) * 100;
    if (this.state === 'OPEN') return;
    if (halfOpen) this.move('OPEN', nowMs, 'a call failed while it was half-open');
    else if (errorRate > this.config.errorThresholdPercentage) {
      this.move(
        'OPEN',
        nowMs,
        `error rate ${percent(errorRate)} > ${this.config.errorThresholdPercentage}% of the ${fires} call${fires === 1 ? '' : 's'} in its last ${seconds(this.config.rollingCountTimeoutMs)}`,
      );
    }
  }

  refusal(): string {
    // The error a rejected fire() gets (code EOPENBREAKER).
    return 'EOPENBREAKER: Breaker is open';
  }
}
