/**
 * App → third-party API over HTTPS 443: a payments provider.
 * `down` means nothing listens: the SYN is answered with a RST ("connection refused"), a fast failure.
 * `error` means it sheds load with 503 and Retry-After, a transient error worth retrying. `slow` means it takes `delayMs`.
 *
 * Charges follow how payment APIs treat an Idempotency-Key (Stripe API reference, "Idempotent requests"):
 * the first request with a key saves its status and body once the endpoint starts executing, and a repeat
 * gets that saved response; a repeat that arrives while the first is still running conflicts (409) and
 * is safe to retry later. A request shed before execution starts (the 503 here) saves nothing.
 * Like the app's database, the API finishes a charge even when the app stopped waiting for it.
 */
import { note, tryLeg, work, type SimContext, type Tag } from '../context';
import { exchange, type HttpRequest, type HttpResponse } from '../http';
import { sleep, type Task } from '../kernel/kernel';
import { recordCharge } from '../ledger';
import { ensureConnection, flush, isOpen, markClosed, TCP_CONNECT_GIVE_UP_MS } from '../net/handshake';
import type { AttemptResult } from '../retry/retry';
import { THIRD_PARTY_HOST } from '../site';

export type PaymentsCall = 'read' | 'charge';

/** Time the payments API takes to fail a call it sheds. *assumed* */
const SHED_MS = 20;
/** The Retry-After, in seconds, the payments API sends with its 503. *assumed* */
const SHED_RETRY_AFTER_S = 1;

export const CALLS: Readonly<Record<PaymentsCall, { method: 'GET' | 'POST'; path: string }>> = {
  read: { method: 'GET', path: '/v1/subscriptions/42' },
  charge: { method: 'POST', path: '/v1/charges' },
};

function jsonResponse(status: number, body: object, extra: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify(body), origin: 'thirdparty' };
}

function* handlePayments(ctx: SimContext, tag: Tag, call: PaymentsCall, key: string | null): Task<HttpResponse> {
  const { conditions, latency } = ctx.world;
  const ledger = ctx.ledger;
  const saved = key ? ledger.paymentKeys.get(key) : undefined;

  if (conditions.thirdParty === 'error') {
    yield* work(ctx, tag, 'thirdparty', SHED_MS, {
      kind: 'third-party-call',
      narration: () => `The payments API is overloaded and sheds the call before running it, asking the app to come back in ${SHED_RETRY_AFTER_S} s.`,
      decision: `503 Service Unavailable, Retry-After: ${SHED_RETRY_AFTER_S}`,
    });
    return jsonResponse(503, { error: 'temporarily_unavailable' }, { 'retry-after': String(SHED_RETRY_AFTER_S) });
  }
  if (saved === 'in-progress') {
    yield* work(ctx, tag, 'thirdparty', SHED_MS, {
      kind: 'third-party-call',
      narration: 'A charge with this Idempotency-Key is still running, so the payments API refuses to start a second one: 409 Conflict, safe to retry later.',
      decision: '409 Conflict: idempotency key in use',
    });
    return jsonResponse(409, { error: 'idempotency_key_in_use' });
  }
  if (saved) {
    yield* work(ctx, tag, 'thirdparty', SHED_MS, {
      kind: 'replay',
      narration: 'The payments API has seen this Idempotency-Key: it returns the saved response and does not charge the card again.',
      decision: `replayed ${saved.status} for key ${key}`,
    });
    return { status: saved.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' }, body: saved.body, origin: 'thirdparty' };
  }

  if (key) ledger.paymentKeys.set(key, 'in-progress');
  const slow = conditions.thirdParty === 'slow';
  const busyMs = slow ? ctx.world.thirdPartyDelayMs : latency.thirdPartyWorkMs;
  yield* work(ctx, tag, 'thirdparty', busyMs, {
    kind: 'third-party-call',
    narration: () =>
      slow
        ? `The payments API is slow: it takes ${busyMs} ms to ${call === 'charge' ? 'charge the card' : 'answer'}.`
        : call === 'charge'
          ? `The payments API charges the card in ${busyMs} ms.`
          : `The payments API looks up the subscription in ${busyMs} ms.`,
    decision: `worked ${busyMs} ms`,
  });
  if (call === 'read') return jsonResponse(200, { plan: 'premium', status: 'active' });

  const { duplicate } = recordCharge(ledger);
  const response = jsonResponse(200, { id: `ch_${ctx.ledger.chargesMade}`, amount: 1999, currency: 'eur', status: 'succeeded' });
  if (key) ledger.paymentKeys.set(key, { status: response.status, body: response.body ?? '' });
  note(ctx, tag, 'thirdparty', {
    kind: 'commit',
    narration: duplicate
      ? `The card is charged again: the customer has now paid ${ledger.chargesMade} times for one click.`
      : `The card is charged${key ? ', and the payments API saves the result under the Idempotency-Key' : ''}.`,
    decision: `charge ${ctx.ledger.chargesMade} made${duplicate ? ' (duplicate)' : ''}`,
    detail: { chargesMade: ledger.chargesMade, duplicateCharges: ledger.duplicateCharges },
  });
  return response;
}

export function* callOnce(ctx: SimContext, tag: Tag, call: PaymentsCall, idempotencyKey: string | null): Task<AttemptResult<HttpResponse | 'refused'>> {
  const { conditions, connections, tls } = ctx.world;
  const { method, path } = CALLS[call];

  if (conditions.thirdParty === 'down') {
    markClosed(ctx, 'app', 'thirdparty');
    const sentAt = ctx.kernel.now;
    const refused =
      (yield* tryLeg(ctx, tag, 'app', 'thirdparty', 'handshake', {
        kind: 'tcp-syn',
        narration: () => `The app tries to connect to ${THIRD_PARTY_HOST} on port 443.`,
        decision: 'TCP SYN to :443',
      })) &&
      (yield* tryLeg(ctx, tag, 'thirdparty', 'app', 'error', {
        kind: 'tcp-rst',
        narration: () => `Nothing is listening: the host answers with a reset, "connection refused". The app knows at once.`,
        decision: 'TCP RST: connection refused',
      }));
    // Nothing was sent, so even a charge may be tried again.
    if (refused) return { ok: false, value: 'refused', transient: true, safeToRepeat: true, reason: 'the connection was refused' };
    // A filter dropped the SYN or the reset: the app hears nothing, and TCP retries until it gives up.
    yield* sleep(sentAt + TCP_CONNECT_GIVE_UP_MS - ctx.kernel.now);
    return { ok: false, value: 'refused', transient: true, safeToRepeat: true, reason: 'the connection timed out' };
  }
  if (connections === 'cold' && !isOpen(ctx, 'app', 'thirdparty')) {
    // Opened here rather than inside the exchange, so that a handshake TCP gave up on is a failed attempt.
    const pending = yield* ensureConnection(ctx, tag, 'app', 'thirdparty', { tls });
    if (pending === null) return { ok: false, value: 'refused', transient: true, safeToRepeat: true, reason: 'the connection timed out' };
    flush(ctx, tag, 'app', 'thirdparty', pending);
  }

  ctx.counters.thirdPartyCalls += 1;
  const req: HttpRequest = {
    requestId: tag.requestId,
    attempt: tag.attempt,
    method,
    path,
    query: '',
    body: method === 'POST' ? 'amount=1999&currency=eur' : null,
    headers: {},
  };
  const headers: Record<string, string> = {
    host: THIRD_PARTY_HOST,
    authorization: 'Bearer sk_test_…',
    accept: 'application/json',
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  };

  const res = yield* exchange(ctx, tag, 'app', 'thirdparty', req, () => handlePayments(ctx, tag, call, idempotencyKey), {
    tls,
    alreadyOpen: connections === 'warm',
    requestHeaders: headers,
    requestNarration: () => `The app calls the payments API over HTTPS 443: ${method} ${path}${idempotencyKey ? `, forwarding the Idempotency-Key` : ''}.`,
    responseNarration: (r) => (r.status < 400 ? 'The payments API answers with JSON.' : `The payments API answers ${r.status}.`),
    serverKeepsWorking: true,
  });
  const retryAfter = Number(res.headers['retry-after']);
  const retryAfterMs = (res.status === 503 || res.status === 429) && Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined;
  if (res.status >= 500 || res.status === 429) {
    // The payments API shed the call before running it, but the app cannot know that from a 503.
    return { ok: false, value: res, transient: true, safeToRepeat: false, reason: `a ${res.status} from the payments API`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (res.status === 409) {
    return { ok: false, value: res, transient: true, safeToRepeat: true, reason: 'a 409 Conflict (the first charge with this key was still running)' };
  }
  if (res.status >= 400) {
    return { ok: false, value: res, transient: false, safeToRepeat: false, reason: `a ${res.status} from the payments API` };
  }
  return { ok: true, value: res };
}
