/**
 * The two breakers held to their libraries: resilience4j 2.4.0 (CircuitBreakerConfig, CircuitBreakerStateMachine,
 * CircuitBreakerMetrics) and opossum 10.0.0 (lib/circuit.js, lib/status.js). Time is driven by hand.
 */
import { describe, expect, it } from 'vitest';
import { OPOSSUM_DEFAULTS, OpossumBreaker, RESILIENCE4J_DEFAULTS, Resilience4jBreaker, type CircuitBreaker } from './breaker';

/** Makes `n` calls at `atMs`, each failing or not, lasting `durationMs`; returns the states after each. */
function calls(breaker: CircuitBreaker, n: number, failed: boolean, atMs = 0, durationMs = 10): string[] {
  const states: string[] = [];
  for (let i = 0; i < n; i++) {
    if (!breaker.tryAcquire(atMs)) {
      states.push('refused');
      continue;
    }
    breaker.onResult(atMs + durationMs, failed, durationMs);
    states.push(breaker.state);
  }
  return states;
}

describe('resilience4j', () => {
  it('has CircuitBreakerConfig’s defaults', () => {
    expect(RESILIENCE4J_DEFAULTS).toEqual({
      failureRateThreshold: 50,
      slowCallRateThreshold: 100,
      slowCallDurationThresholdMs: 60_000,
      slidingWindowSize: 100,
      minimumNumberOfCalls: 100,
      waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
    expect(new Resilience4jBreaker().state).toBe('CLOSED');
  });

  it('works out no rate before minimumNumberOfCalls: 99 failures leave it closed, the 100th opens it', () => {
    const breaker = new Resilience4jBreaker();
    expect(calls(breaker, 99, true).every((s) => s === 'CLOSED')).toBe(true);
    calls(breaker, 1, true);
    expect(breaker.state).toBe('OPEN');
    expect(breaker.transitions).toEqual([{ from: 'CLOSED', to: 'OPEN', atMs: 10, reason: 'failure rate 100% ≥ 50% over the last 100 calls' }]);
  });

  it('opens at a failure rate of 50% or more, not below', () => {
    const at50 = new Resilience4jBreaker();
    calls(at50, 50, false);
    calls(at50, 50, true);
    expect(at50.state).toBe('OPEN');
    expect(at50.transitions[0]!.reason).toBe('failure rate 50% ≥ 50% over the last 100 calls');

    const at49 = new Resilience4jBreaker();
    calls(at49, 51, false);
    calls(at49, 49, true);
    expect(at49.state).toBe('CLOSED');
  });

  it('counts only the last slidingWindowSize calls', () => {
    const breaker = new Resilience4jBreaker();
    calls(breaker, 100, false);
    // 49 failures in the last 100 calls: closed; the 50th pushes the 50th success out of the window.
    expect(calls(breaker, 49, true).at(-1)).toBe('CLOSED');
    expect(calls(breaker, 1, true)).toEqual(['OPEN']);
  });

  it('needs min(minimumNumberOfCalls, slidingWindowSize) calls in a count-based window', () => {
    const breaker = new Resilience4jBreaker({ ...RESILIENCE4J_DEFAULTS, slidingWindowSize: 10 });
    expect(calls(breaker, 10, true)).toEqual([...Array(9).fill('CLOSED'), 'OPEN']);
  });

  it('refuses while open, and turns half-open only when a call comes strictly after waitDurationInOpenState', () => {
    const breaker = new Resilience4jBreaker({ ...RESILIENCE4J_DEFAULTS, minimumNumberOfCalls: 1 });
    calls(breaker, 1, true, 0, 10);
    expect(breaker.state).toBe('OPEN');
    expect(breaker.tryAcquire(30_000)).toBe(false);
    expect(breaker.tryAcquire(60_010)).toBe(false);
    expect(breaker.state).toBe('OPEN');
    expect(breaker.refusal()).toBe('CallNotPermittedException: CircuitBreaker is OPEN and does not permit further calls');
    expect(breaker.tryAcquire(60_011)).toBe(true);
    expect(breaker.transitions).toEqual([{ from: 'OPEN', to: 'HALF_OPEN', atMs: 60_011, reason: 'its waitDurationInOpenState of 60 s has passed' }]);
  });

  it('lets permittedNumberOfCallsInHalfOpenState calls through, and decides once all of them have ended', () => {
    // A window of one call opens it on one failure, and leaves minimumNumberOfCalls at its 100 for the half-open window.
    const open = () => {
      const breaker = new Resilience4jBreaker({ ...RESILIENCE4J_DEFAULTS, slidingWindowSize: 1 });
      calls(breaker, 1, true);
      return breaker;
    };
    const failing = open();
    for (let i = 0; i < 10; i++) expect(failing.tryAcquire(70_000)).toBe(true);
    expect(failing.tryAcquire(70_000)).toBe(false);
    expect(failing.refusal()).toBe('CallNotPermittedException: CircuitBreaker is HALF_OPEN and does not permit further calls');
    // Four successes and five failures: still deciding; the tenth, a failure, makes 60% ≥ 50%.
    for (let i = 0; i < 4; i++) failing.onResult(70_100, false, 100);
    for (let i = 0; i < 5; i++) failing.onResult(70_100, true, 100);
    expect(failing.state).toBe('HALF_OPEN');
    failing.onResult(70_100, true, 100);
    expect(failing.transitions[0]).toMatchObject({ from: 'HALF_OPEN', to: 'OPEN', reason: 'failure rate 60% ≥ 50% over the 10 calls permitted while half-open' });

    const healing = open();
    for (let i = 0; i < 10; i++) healing.tryAcquire(70_000);
    for (let i = 0; i < 6; i++) healing.onResult(70_100, false, 100);
    for (let i = 0; i < 4; i++) healing.onResult(70_100, true, 100);
    expect(healing.state).toBe('CLOSED');
    expect(healing.transitions[0]!.reason).toBe('failure rate 40% < 50% and slow-call rate 0% < 100% over the 10 calls permitted while half-open');
    // Closed again, with a fresh window: one more failure is far from the minimum.
    expect(calls(healing, 1, true, 71_000)).toEqual(['OPEN']);
  });

  it('needs min(minimumNumberOfCalls, permitted) results while half-open', () => {
    const breaker = new Resilience4jBreaker({ ...RESILIENCE4J_DEFAULTS, minimumNumberOfCalls: 1 });
    calls(breaker, 1, true);
    breaker.tryAcquire(70_000);
    breaker.tryAcquire(70_000);
    breaker.onResult(70_100, false, 100);
    expect(breaker.state).toBe('CLOSED');
  });

  it('opens on the slow-call rate: calls strictly longer than slowCallDurationThreshold', () => {
    const breaker = new Resilience4jBreaker({ ...RESILIENCE4J_DEFAULTS, slowCallDurationThresholdMs: 1000, slidingWindowSize: 10, minimumNumberOfCalls: 10 });
    expect(calls(breaker, 10, false, 0, 1000).at(-1)).toBe('CLOSED');
    expect(calls(breaker, 9, false, 0, 1001).at(-1)).toBe('CLOSED');
    expect(calls(breaker, 1, false, 0, 1001)).toEqual(['OPEN']);
    expect(breaker.transitions[0]!.reason).toBe('slow-call rate 100% ≥ 100% (calls over 1 s) over the last 10 calls');
  });

  it('records a call that was under way when it opened, and moves on nothing', () => {
    const breaker = new Resilience4jBreaker({ ...RESILIENCE4J_DEFAULTS, minimumNumberOfCalls: 2, slidingWindowSize: 2 });
    breaker.tryAcquire(0);
    breaker.tryAcquire(0);
    breaker.onResult(10, true, 10);
    breaker.onResult(10, true, 10);
    expect(breaker.state).toBe('OPEN');
    breaker.onResult(20, false, 20);
    expect([breaker.state, breaker.transitions.length]).toEqual(['OPEN', 0]);
  });
});

describe('opossum', () => {
  it('has the README’s defaults', () => {
    expect(OPOSSUM_DEFAULTS).toEqual({ errorThresholdPercentage: 50, trialAfterMs: 30_000, rollingCountTimeoutMs: 10_000, rollingCountBuckets: 10, volumeThreshold: 0 });
    expect(new OpossumBreaker().window.bucketMs).toBe(1000);
  });

  it('opens on its very first failure, with no volume threshold', () => {
    const breaker = new OpossumBreaker();
    expect(calls(breaker, 1, true, 0, 60)).toEqual(['OPEN']);
    expect(breaker.transitions).toEqual([{ from: 'CLOSED', to: 'OPEN', atMs: 60, reason: 'error rate 100% > 50% of the 1 call in its last 10 s' }]);
    expect(breaker.refusal()).toBe('EOPENBREAKER: Breaker is open');
  });

  it('opens only strictly above errorThresholdPercentage', () => {
    const breaker = new OpossumBreaker();
    calls(breaker, 1, false);
    expect(calls(breaker, 1, true)).toEqual(['CLOSED']); // 1 of 2: 50%, not above
    expect(calls(breaker, 1, true)).toEqual(['OPEN']); // 2 of 3
    expect(breaker.transitions[0]!.reason).toBe('error rate 66.7% > 50% of the 3 calls in its last 10 s');
  });

  it('stays closed below volumeThreshold, whatever the errors', () => {
    const breaker = new OpossumBreaker({ ...OPOSSUM_DEFAULTS, volumeThreshold: 5 });
    expect(calls(breaker, 5, true)).toEqual(['CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'OPEN']);
  });

  it('keeps a rolling window of 10 buckets of 1 s, counted from its creation', () => {
    const at = (thirdAtMs: number) => {
      const breaker = new OpossumBreaker({ ...OPOSSUM_DEFAULTS, volumeThreshold: 3 }, 0);
      calls(breaker, 2, true, 500, 0);
      calls(breaker, 1, true, thirdAtMs, 0);
      return breaker.state;
    };
    // The first bucket (0–1 s) is still in the window at 9.999 s, and rotated out at 10 s.
    expect(at(9_999)).toBe('OPEN');
    expect(at(10_000)).toBe('CLOSED');
    const breaker = new OpossumBreaker({ ...OPOSSUM_DEFAULTS, volumeThreshold: 100 }, 2_000);
    calls(breaker, 3, true, 2_500, 0);
    expect(breaker.window.at(11_999).totalFires).toBe(3);
    expect(breaker.window.at(12_000).totalFires).toBe(0);
  });

  it('waits its reset timeout, then lets exactly one trial call through', () => {
    const breaker = new OpossumBreaker();
    calls(breaker, 1, true, 0, 100);
    expect(breaker.tryAcquire(30_099)).toBe(false);
    expect(breaker.tryAcquire(45_000)).toBe(true);
    // The timer fired at 30.1 s, before the call that found it.
    expect(breaker.transitions).toEqual([{ from: 'OPEN', to: 'HALF_OPEN', atMs: 30_100, reason: 'its reset timeout of 30 s has passed: one trial call may go' }]);
    expect(breaker.tryAcquire(45_001)).toBe(false);
    breaker.onResult(45_200, false);
    expect(breaker.transitions).toEqual([{ from: 'HALF_OPEN', to: 'CLOSED', atMs: 45_200, reason: 'a call succeeded while it was half-open' }]);
  });

  it('opens again when the trial fails, and waits a full reset timeout from then', () => {
    const breaker = new OpossumBreaker();
    calls(breaker, 1, true, 0, 100);
    expect(breaker.tryAcquire(30_100)).toBe(true);
    breaker.onResult(30_200, true);
    expect(breaker.transitions).toEqual([{ from: 'HALF_OPEN', to: 'OPEN', atMs: 30_200, reason: 'a call failed while it was half-open' }]);
    expect(breaker.tryAcquire(60_199)).toBe(false);
    expect(breaker.tryAcquire(60_200)).toBe(true);
  });

  it('counts refused calls in the window, as `fire` is emitted before the state is checked', () => {
    const breaker = new OpossumBreaker();
    calls(breaker, 1, true, 0, 0);
    calls(breaker, 4, false, 1_000);
    expect(breaker.window.at(1_000)).toMatchObject({ totalFires: 5, totalFailures: 1 });
  });
});
