/**
 * The retry loop every retrying layer shares (browser → API, app → DB, app → third party).
 *
 * A failure is retried only when all of these hold (RFC 9110 §9.2.2 for idempotency; AWS Builders' Library, "Timeouts, retries and backoff with jitter"):
 * - the layer retries at all (the scenario's `retry.layers`);
 * - the failure is transient (a timeout, a refused connection, a 5xx, a deadlock), never a 4xx;
 * - the operation is idempotent (RFC 9110 §9.2.2), or the failure proves nothing was done;
 * - attempts remain.
 *
 * The wait honours Retry-After on 503 and 429 (RFC 9110 §10.2.3): the client waits the longer of its own
 * backoff and the server's hint, as the AWS SDK's standard retry strategy does (aws-sdk-js-v3,
 * `StandardRetryStrategy`: the delay is the larger of the computed backoff and the retry-after hint).
 * The hint is capped at the policy's cap, so one header cannot park a client for hours.
 *
 * An edge may have guards (lib/sim/resilience): each attempt then goes through its circuit breaker and bulkhead,
 * and a refused attempt ends the loop at once, unretried, for the caller's fallback to take over: the breaker would
 * refuse again until its wait is over, and a full bulkhead is overload that an immediate retry only adds to. With the
 * AWS SDK's retry quota on, a retry is made only if the quota can pay for it.
 */
import type { RetryLayer } from '@/lib/scenario/schema';
import { note, span, type SimContext } from '../context';
import type { Task } from '../kernel/kernel';
import { NODES } from '../topology';
import type { NodeId } from '../types';
import { afterCall, beforeCall, countCall, type Rejection } from '../resilience/guarded';
import type { EdgeGuards } from '../resilience/guards';
import { backoffSchedule } from './backoff';

export type AttemptResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      value: T;
      /** Transient: trying again could succeed. */
      transient: boolean;
      /** True when the failure proves the operation did not happen (a rolled-back transaction), so even a write may be retried. */
      safeToRepeat: boolean;
      reason: string;
      /** The server's Retry-After, in ms, when it sent one with a 503 or 429. */
      retryAfterMs?: number;
      /** The caller's own deadline ran out: the AWS SDK's retry quota charges more for a retry after a timeout. */
      timedOut?: boolean;
    };

export interface RetryPlan {
  layer: RetryLayer;
  requestId: string;
  /** Who retries, and whom it calls. */
  caller: NodeId;
  callee: NodeId;
  idempotent: boolean;
  /** Why it is, or is not, safe to repeat, in words: "the handler upserts by key". */
  why: string;
  /** The repeat happens only because the naive "retry on 5xx" rule is on, not because it is safe. */
  naive?: boolean;
  /** What is retried, in words: "the query", "the request". */
  what: string;
  /** The edge's breaker, bulkhead, retry quota and fallback, shared by every call this process makes on it; none when off. */
  guards?: EdgeGuards | null;
}

export interface RetryOutcome<T> {
  value: T;
  ok: boolean;
  /** Calls made: a refused attempt is not one. */
  attempts: number;
  /** Set when the last attempt was refused by the edge's circuit breaker or bulkhead, without a call. */
  rejected?: Rejection;
}

/**
 * `whenRefused` is the value a refused first attempt gives, when there is no failure yet to pass on. A visitor's
 * browser needs none: its guards are new with the visitor, so its first attempt always goes.
 */
export function* withRetries<T>(ctx: SimContext, plan: RetryPlan, attemptOnce: (attempt: number) => Task<AttemptResult<T>>, whenRefused?: T): Task<RetryOutcome<T>> {
  const policy = ctx.world.retry;
  const enabled = policy.layers.includes(plan.layer);
  const maxAttempts = enabled ? policy.attempts : 1;
  const nextBackoff = backoffSchedule(policy, ctx.random.jitter);
  const guards = plan.guards ?? null;
  const quota = guards?.quota ?? null;
  // What the last retry cost the quota: a success gives it back (the AWS SDK's releaseRetryTokens).
  let retryCost: number | null = null;
  let failed: AttemptResult<T> | null = null;

  for (let attempt = 1; ; attempt++) {
    let result: AttemptResult<T>;
    if (guards) {
      const refused = beforeCall(ctx, guards, plan, attempt);
      if (refused) {
        const value = failed ? failed.value : whenRefused;
        if (value === undefined) throw new Error(`a refused first attempt at ${plan.layer} needs a value to give`);
        return { value, ok: false, attempts: attempt - 1, rejected: refused };
      }
      const startedAt = ctx.kernel.now;
      let ended: AttemptResult<T> | null = null;
      try {
        result = ended = yield* attemptOnce(attempt);
      } finally {
        afterCall(ctx, guards, plan, attempt, startedAt, ended);
      }
    } else {
      countCall(ctx.counters, plan.layer);
      result = yield* attemptOnce(attempt);
    }
    if (result.ok) {
      quota?.release(retryCost);
      return { value: result.value, ok: true, attempts: attempt };
    }
    failed = result;

    const tag = { requestId: plan.requestId, attempt };
    const stop = (why: string, decision: string): RetryOutcome<T> => {
      note(ctx, tag, plan.caller, { kind: 'give-up', narration: why, decision });
      return { value: result.value, ok: false, attempts: attempt };
    };
    const caller = NODES[plan.caller].label;
    if (!result.transient) {
      return stop(`${caller} does not retry: ${result.reason} will not change on a second try.`, `no retry: ${result.reason} is not transient`);
    }
    if (!plan.idempotent && !result.safeToRepeat) {
      return stop(
        `${caller} does not retry ${plan.what}: ${plan.why}, and after ${result.reason} it may already have taken effect.`,
        'no retry: not idempotent',
      );
    }
    if (!enabled) {
      return stop(`${caller} gives up after ${result.reason}: retries are off at this layer.`, 'no retry: retries off here');
    }
    if (attempt >= maxAttempts) {
      return stop(`${caller} gives up after ${attempt} attempts: ${result.reason} every time.`, `gave up after ${attempt}/${maxAttempts} attempts`);
    }
    if (quota) {
      const cost = quota.costOf(result.timedOut === true);
      const left = quota.capacity;
      if (!quota.withdraw(cost)) {
        ctx.counters.retriesDenied += 1;
        return stop(
          `${caller} does not retry: its retry quota has ${left} tokens left, and a retry after ${result.reason} costs ${cost}. While calls keep failing, the quota keeps retries from multiplying the load.`,
          `no retry: retry quota ${left} < ${cost}`,
        );
      }
      retryCost = cost;
    }

    const delay = nextBackoff();
    const jitterName = policy.backoff === 'none' ? 'no backoff' : `${policy.jitter === 'none' ? 'no' : policy.jitter} jitter`;
    const hintMs = result.retryAfterMs === undefined ? null : Math.min(result.retryAfterMs, policy.capMs);
    const useHint = hintMs !== null && hintMs > delay.waitMs;
    const waitMs = useHint ? hintMs : delay.waitMs;
    const repeatable = plan.idempotent && !result.safeToRepeat ? (plan.naive ? ` It repeats it anyway: ${plan.why}.` : ` (safe to repeat: ${plan.why})`) : '';
    yield* span(ctx, tag, plan.caller, plan.caller, waitMs, {
      kind: 'retry-wait',
      waitMs,
      narration: useHint
        ? `${caller} waits ${waitMs} ms, as the server's Retry-After asked: longer than its own ${delay.waitMs} ms backoff${hintMs < result.retryAfterMs! ? `, and capped at ${policy.capMs} ms` : ''}.${repeatable}`
        : hintMs !== null
          ? `${caller} waits ${waitMs} ms: its backoff is already longer than the ${hintMs} ms the server's Retry-After asked for.${repeatable}`
          : `${caller} waits ${waitMs} ms before trying ${plan.what} again, so a struggling ${NODES[plan.callee].label} gets room to recover.${repeatable}`,
      decision: `retry ${attempt + 1}/${maxAttempts} after ${waitMs} ms (${useHint ? 'Retry-After' : jitterName})`,
      detail: { formula: delay.formula, minMs: delay.minMs, maxMs: delay.maxMs, backoffMs: delay.waitMs, ...(hintMs !== null ? { retryAfterMs: result.retryAfterMs! } : {}) },
    });
    ctx.counters.retries += 1;
    note(ctx, { requestId: plan.requestId, attempt: attempt + 1 }, plan.caller, {
      kind: 'retry',
      narration: () => `${caller} tries ${plan.what} again (attempt ${attempt + 1} of ${maxAttempts}).`,
      decision: `attempt ${attempt + 1}/${maxAttempts}`,
    });
  }
}
