/**
 * App → third-party API over HTTPS 443: a payments provider.
 * `down` means nothing listens: the SYN is answered with a RST ("connection refused"), a fast failure.
 * `error` means it answers 503, a transient error worth retrying. `slow` means it takes `delayMs`.
 */
import type { HttpMethod } from '@/lib/scenario/schema';
import { leg, work, type SimContext, type Tag } from '../context';
import { exchange, type HttpRequest, type HttpResponse } from '../http';
import type { Task } from '../kernel/kernel';
import { markClosed } from '../net/handshake';
import type { AttemptResult } from '../retry/retry';
import { THIRD_PARTY_HOST } from '../site';

export function paymentsCallFor(method: HttpMethod): { method: HttpMethod; path: string } {
  // Reads ask for the subscription; writes create a charge, which is only safe to repeat with an Idempotency-Key.
  return method === 'GET' || method === 'HEAD' ? { method: 'GET', path: '/v1/subscriptions/42' } : { method: 'POST', path: '/v1/charges' };
}

export function* callOnce(ctx: SimContext, tag: Tag, method: HttpMethod, idempotencyKey: string | null): Task<AttemptResult<HttpResponse | 'refused'>> {
  const { thirdParty, connections, tls, latency } = ctx.scenario;
  const call = paymentsCallFor(method);

  if (thirdParty.behaviour === 'down') {
    markClosed(ctx, 'app', 'thirdparty');
    yield* leg(ctx, tag, 'app', 'thirdparty', 'handshake', {
      kind: 'tcp-syn',
      narration: `The app tries to connect to ${THIRD_PARTY_HOST} on port 443.`,
      decision: 'TCP SYN to :443',
    });
    yield* leg(ctx, tag, 'thirdparty', 'app', 'error', {
      kind: 'tcp-rst',
      narration: `Nothing is listening: the host answers with a reset, "connection refused". The app knows at once.`,
      decision: 'TCP RST: connection refused',
    });
    return { ok: false, value: 'refused', transient: true, safeToRepeat: true, reason: 'the connection was refused' };
  }

  ctx.counters.thirdPartyCalls += 1;
  const req: HttpRequest = {
    requestId: tag.requestId,
    attempt: tag.attempt,
    method: call.method,
    path: call.path,
    query: '',
    body: call.method === 'POST' ? 'amount=1999&currency=eur' : null,
    headers: {},
  };
  const headers: Record<string, string> = {
    host: THIRD_PARTY_HOST,
    authorization: 'Bearer sk_test_…',
    accept: 'application/json',
    ...(idempotencyKey && call.method === 'POST' ? { 'idempotency-key': idempotencyKey } : {}),
  };

  const res = yield* exchange(
    ctx,
    tag,
    'app',
    'thirdparty',
    req,
    function* (): Task<HttpResponse> {
      const busyMs = thirdParty.behaviour === 'slow' ? thirdParty.delayMs : thirdParty.behaviour === 'error' ? 20 : latency.thirdPartyWorkMs;
      yield* work(ctx, tag, 'thirdparty', busyMs, {
        kind: 'third-party-call',
        narration:
          thirdParty.behaviour === 'error'
            ? 'The payments API is having trouble and fails the call.'
            : thirdParty.behaviour === 'slow'
              ? `The payments API is slow: it takes ${busyMs} ms to answer.`
              : `The payments API looks up the subscription in ${busyMs} ms.`,
        decision: thirdParty.behaviour === 'error' ? '503 Service Unavailable' : `worked ${busyMs} ms`,
      });
      if (thirdParty.behaviour === 'error') {
        return { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '1' }, body: '{"error":"temporarily_unavailable"}', origin: 'thirdparty' };
      }
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"plan":"premium","status":"active"}', origin: 'thirdparty' };
    },
    {
      tls,
      alreadyOpen: connections === 'warm',
      requestHeaders: headers,
      requestNarration: `The app calls the payments API over HTTPS 443: ${call.method} ${call.path}.`,
      responseNarration: (r) => (r.status < 400 ? 'The payments API answers with JSON.' : `The payments API answers ${r.status}.`),
    },
  );
  if (res.status >= 500) {
    return { ok: false, value: res, transient: true, safeToRepeat: false, reason: `a ${res.status} from the payments API` };
  }
  if (res.status >= 400) {
    return { ok: false, value: res, transient: false, safeToRepeat: false, reason: `a ${res.status} from the payments API` };
  }
  return { ok: true, value: res };
}
