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
 */
import type { RetryLayer } from '@/lib/scenario/schema';
import { note, span, type SimContext } from '../context';
import type { Task } from '../kernel/kernel';
import { NODES } from '../topology';
import type { NodeId } from '../types';
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
}

export interface RetryOutcome<T> {
  value: T;
  ok: boolean;
  attempts: number;
}

export function* withRetries<T>(ctx: SimContext, plan: RetryPlan, attemptOnce: (attempt: number) => Task<AttemptResult<T>>): Task<RetryOutcome<T>> {
  const policy = ctx.world.retry;
  const enabled = policy.layers.includes(plan.layer);
  const maxAttempts = enabled ? policy.attempts : 1;
  const nextBackoff = backoffSchedule(policy, ctx.random.jitter);

  for (let attempt = 1; ; attempt++) {
    const result = yield* attemptOnce(attempt);
    if (result.ok) return { value: result.value, ok: true, attempts: attempt };

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
