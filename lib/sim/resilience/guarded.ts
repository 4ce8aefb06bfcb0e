/**
 * One call through its edge's guards, in the order resilience4j's `Decorators` stacks them:
 * Retry(CircuitBreaker(Bulkhead(call))). The retry loop (lib/sim/retry/retry.ts) is the outer layer and calls
 * `beforeCall` and `afterCall` around each attempt; the app's deadline sits inside, in the call itself, as a
 * TimeLimiter would.
 *
 * - The breaker is asked first. An open breaker refuses at once: no call is made, nothing reaches the callee.
 * - The bulkhead next. A full one refuses at once (its maxWaitDuration is 0). Its refusal is an error thrown inside
 *   the breaker, so the breaker records it as a failed call, as both libraries do (resilience4j records every
 *   exception by default; opossum counts its own semaphore's rejection as a failure).
 * - Then the call. The breaker hears how it ended: a transient failure (a timeout, a refused connection, a 5xx) is
 *   a failure; a 4xx is the callee answering about a bad request, so it counts as a success.
 *
 * Every transition is an event with its reason; so are both refusals.
 */
import type { RetryLayer } from '@/lib/scenario/schema';
import { note, type Counters, type SimContext, type Tag } from '../context';
import type { AttemptResult } from '../retry/retry';
import { NODES } from '../topology';
import type { NodeId } from '../types';
import type { CircuitBreaker, Transition } from './breaker';
import type { EdgeGuards } from './guards';

export type Rejection = 'breaker' | 'bulkhead';

/** Who calls whom, for the words. */
export interface CallSite {
  requestId: string;
  layer: RetryLayer;
  caller: NodeId;
  callee: NodeId;
}

/** Counts a call made on an edge: how the layers' retries multiply shows in these counts. */
export function countCall(counters: Counters, layer: RetryLayer): void {
  if (layer === 'db') counters.dbCalls += 1;
  else if (layer === 'thirdparty') counters.paymentsCalls += 1;
  else counters.browserCalls += 1;
}

const STATE_WORDS = { CLOSED: 'closed', OPEN: 'open', HALF_OPEN: 'half-open' } as const;

function clock(ms: number): string {
  return `${Math.round(ms) / 1000} s`;
}

function transitionWords(owner: string, site: CallSite, breaker: CircuitBreaker, t: Transition, nowMs: number): string {
  const callee = NODES[site.callee].label;
  const whose = `${owner}'s ${breaker.library} breaker for ${callee}`;
  const when = t.atMs < nowMs ? ` at ${clock(t.atMs)}` : '';
  switch (t.to) {
    case 'OPEN':
      return `${whose} opens${when}: ${t.reason}. While open it refuses calls at once, without calling ${callee}.`;
    case 'HALF_OPEN':
      return `${whose} turned half-open${when}: ${t.reason}.`;
    case 'CLOSED':
      return `${whose} closes: ${t.reason}. Calls go through again.`;
  }
}

/** Records the transitions the breaker's last step made, each with its reason. */
function recordTransitions(ctx: SimContext, tag: Tag, site: CallSite, guards: EdgeGuards, breaker: CircuitBreaker): void {
  const { transitions } = breaker;
  for (let i = 0; i < transitions.length; i++) {
    const t = transitions[i]!;
    const nowMs = ctx.kernel.now;
    if (t.to === 'OPEN') ctx.counters.breakerOpens += 1;
    note(ctx, tag, site.caller, {
      kind: 'breaker',
      narration: () => transitionWords(guards.owner, site, breaker, t, nowMs),
      decision: () => `${breaker.library}: ${t.from} → ${t.to} (${t.reason})`,
      detail: () => ({ library: breaker.library, from: t.from, to: t.to, atMs: t.atMs, reason: t.reason }),
    });
  }
}

/**
 * Before a call: asks the breaker, then the bulkhead. Returns why the call is refused, or null when it may go, with
 * a bulkhead permit taken that `afterCall` gives back. Two plain functions around the call rather than a generator
 * wrapping it, so the call's every wait is not passed through one more generator.
 */
export function beforeCall(ctx: SimContext, guards: EdgeGuards, site: CallSite, attempt: number): Rejection | null {
  const { breaker, bulkhead } = guards;
  const tag: Tag = { requestId: site.requestId, attempt };
  const nowMs = ctx.kernel.now;
  if (breaker) {
    const permitted = breaker.tryAcquire(nowMs);
    if (breaker.transitions.length) recordTransitions(ctx, tag, site, guards, breaker);
    if (!permitted) {
      ctx.counters.breakerRejections += 1;
      note(ctx, tag, site.caller, {
        kind: 'breaker-reject',
        narration: () =>
          `${guards.owner}'s circuit breaker is ${STATE_WORDS[breaker.state]}, so it refuses the call at once: nothing is sent to ${NODES[site.callee].label}, and nothing is retried while it stays so.`,
        decision: () => `refused: ${breaker.refusal()}`,
      });
      return 'breaker';
    }
  }
  if (bulkhead && !bulkhead.tryAcquire()) {
    ctx.counters.bulkheadRejections += 1;
    note(ctx, tag, site.caller, {
      kind: 'bulkhead-reject',
      narration: () =>
        `${guards.owner} already has ${bulkhead.inFlight} calls to ${NODES[site.callee].label} under way, its bulkhead's limit, so this one is refused at once rather than queued behind them.`,
      decision: () => `refused: ${bulkhead.refusal()}`,
    });
    if (breaker) {
      breaker.onResult(nowMs, true, 0);
      if (breaker.transitions.length) recordTransitions(ctx, tag, site, guards, breaker);
    }
    return 'bulkhead';
  }
  countCall(ctx.counters, site.layer);
  return null;
}

/** After a call `beforeCall` let go (its result, or null when it was cancelled): the permit back, the breaker told. */
export function afterCall(ctx: SimContext, guards: EdgeGuards, site: CallSite, attempt: number, startedAtMs: number, result: AttemptResult<unknown> | null): void {
  const { breaker, bulkhead } = guards;
  bulkhead?.release();
  if (!breaker || !result) return;
  breaker.onResult(ctx.kernel.now, !result.ok && result.transient, ctx.kernel.now - startedAtMs);
  if (breaker.transitions.length) recordTransitions(ctx, { requestId: site.requestId, attempt }, site, guards, breaker);
}
