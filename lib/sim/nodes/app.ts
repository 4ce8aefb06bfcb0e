/**
 * The app server (pods on EKS): runs the handler, queries the database, calls the payments API,
 * and answers with JSON that names static URLs for the browser to fetch from the CDN.
 * Each downstream call has the scenario's deadline, and the retry policy where it applies.
 */
import { httpDate, note, work, type SimContext, type Tag } from '../context';
import { isIdempotent, type HttpRequest, type HttpResponse } from '../http';
import { withDeadline, type Task } from '../kernel/kernel';
import { withRetries, type AttemptResult } from '../retry/retry';
import { PROFILE_PICTURE_PATH, SITE_HOST } from '../site';
import { NODES } from '../topology';
import type { NodeId } from '../types';
import { queryOnce } from './db';
import { callOnce, paymentsCallFor } from './thirdparty';

/** Races one downstream attempt against the app's deadline; a timeout becomes a transient failure. */
function* withAppDeadline<T>(ctx: SimContext, tag: Tag, callee: NodeId, attempt: Task<AttemptResult<T>>, timedOut: T, write: boolean): Task<AttemptResult<T>> {
  const timeoutMs = ctx.scenario.timeoutMs;
  if (timeoutMs === 0) return yield* attempt;
  const raced = yield* withDeadline(attempt, timeoutMs);
  if (raced.finished) return raced.value;
  note(ctx, tag, 'app', {
    kind: 'timeout',
    narration: `The app stops waiting for ${NODES[callee].label} after ${timeoutMs} ms. If the work did arrive there, it may still be running.`,
    decision: `timeout after ${timeoutMs} ms`,
  });
  return { ok: false, value: timedOut, transient: true, safeToRepeat: !write, reason: 'a timeout' };
}

function json(ctx: SimContext, status: number, body: object, extra: Record<string, string> = {}): HttpResponse {
  return { status, headers: { date: httpDate(ctx), 'content-type': 'application/json', ...extra }, body: JSON.stringify(body), origin: 'app' };
}

/** A strong validator for the response body (RFC 9110 §8.8.3): it changes when the data changes. */
export function etagFor(changed: boolean): string {
  return changed ? '"profile-v2"' : '"profile-v1"';
}

/** The JSON the API answers with: data, plus the URL of a static file for the CDN to serve (the notes' example). */
export function profileBody(): { username: string; profile_pic: string; plan: string } {
  return { username: 'jagga', profile_pic: `https://${SITE_HOST}${PROFILE_PICTURE_PATH}`, plan: 'premium' };
}

export function* handleApp(ctx: SimContext, req: HttpRequest): Task<HttpResponse> {
  const { scenario } = ctx;
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const write = !(req.method === 'GET' || req.method === 'HEAD');
  const idempotent = isIdempotent(req.method, scenario.request.idempotencyKey);

  yield* work(ctx, tag, 'app', scenario.latency.appWorkMs, {
    kind: 'handler',
    narration: `The app's handler for ${req.method} ${req.path} checks the session token and starts its work.`,
    decision: `handler ${req.method} ${req.path}`,
  });

  const parameter = new URLSearchParams(req.query || req.body || '').get('q') ?? '';
  const db = yield* withRetries(ctx, { layer: 'db', requestId: req.requestId, caller: 'app', callee: 'db', idempotent, what: write ? 'the transaction' : 'the query' }, (attempt) =>
    withAppDeadline(ctx, { requestId: req.requestId, attempt }, 'db', queryOnce(ctx, { requestId: req.requestId, attempt }, write, parameter), 'timeout' as const, write),
  );
  if (!db.ok) {
    note(ctx, tag, 'app', {
      kind: 'done',
      narration: 'Without its data the app cannot answer, so it returns 503 and a short JSON error.',
      decision: '503 database unavailable',
    });
    return json(ctx, 503, { error: 'database unavailable' }, { 'cache-control': 'no-store', 'retry-after': '1' });
  }

  const idempotencyKey = req.headers['idempotency-key'] ?? null;
  // What matters is the payments call itself: a read is safe to repeat, a charge only with an Idempotency-Key.
  const paymentsIdempotent = isIdempotent(paymentsCallFor(req.method).method, idempotencyKey !== null);
  const payments = yield* withRetries(
    ctx,
    { layer: 'thirdparty', requestId: req.requestId, caller: 'app', callee: 'thirdparty', idempotent: paymentsIdempotent, what: 'the payments call' },
    (attempt) =>
      withAppDeadline(ctx, { requestId: req.requestId, attempt }, 'thirdparty', callOnce(ctx, { requestId: req.requestId, attempt }, req.method, idempotencyKey), 'refused' as const, write),
  );
  if (!payments.ok) {
    note(ctx, tag, 'app', {
      kind: 'done',
      narration: 'The payments API failed, so the app answers 502 Bad Gateway: an upstream it depends on broke.',
      decision: '502 payments provider unavailable',
    });
    return json(ctx, 502, { error: 'payments provider unavailable' }, { 'cache-control': 'no-store' });
  }

  const etag = etagFor(scenario.cache.changed);
  if (req.headers['if-none-match'] === etag) {
    note(ctx, tag, 'app', {
      kind: 'done',
      narration: `The data is unchanged (ETag ${etag}), so the app answers 304 Not Modified with no body: the edge keeps its copy.`,
      decision: `304: If-None-Match ${etag} matches`,
    });
    return { status: 304, headers: { date: httpDate(ctx), etag, 'cache-control': scenario.cache.cacheControl }, body: null, origin: 'app' };
  }
  const body = profileBody();
  note(ctx, tag, 'app', {
    kind: 'done',
    narration: 'The app answers with JSON: the data, plus URLs of static files that the CDN will serve.',
    decision: `200 OK, ETag ${etag}`,
  });
  return json(ctx, write ? 201 : 200, body, { 'cache-control': scenario.cache.cacheControl, etag });
}
