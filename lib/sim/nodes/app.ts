/**
 * The app server (pods on EKS): runs the handler for the method (operations.ts), queries the database,
 * calls the payments API, and answers. Each downstream call has the scenario's deadline, and the retry
 * policy where it applies. Whether the app may repeat a write follows from what its handler does: an
 * upsert or a delete may be repeated, an INSERT only when the Idempotency-Key is stored with it.
 */
import { httpDate, note, work, type SimContext, type Tag } from '../context';
import { formatSeconds, statusLine, type HttpRequest, type HttpResponse } from '../http';
import { holding, withDeadline, type Task } from '../kernel/kernel';
import type { StoredResult } from '../ledger';
import type { FallbackChoice } from '../resilience/fallback';
import { standIn } from '../resilience/stand-in';
import { withRetries, type AttemptResult } from '../retry/retry';
import { PROFILE_PICTURE_PATH, SITE_HOST } from '../site';
import { NODES } from '../topology';
import type { NodeId } from '../types';
import type { Pod } from '../world';
import { queryOnce, type DbAnswer, type DbFailure, type KeyRecord } from './db';
import { OPERATIONS, type Operation } from './operations';
import { CALLS, callOnce, type PaymentsCall } from './thirdparty';

/** Races one downstream attempt against the app's deadline; a timeout becomes a transient failure. */
function* withAppDeadline<T>(ctx: SimContext, tag: Tag, callee: NodeId, attempt: Task<AttemptResult<T>>, timedOut: T): Task<AttemptResult<T>> {
  const timeoutMs = ctx.world.timeoutMs;
  if (timeoutMs === 0) return yield* attempt;
  const raced = yield* withDeadline(attempt, timeoutMs);
  if (raced.finished) return raced.value;
  note(ctx, tag, 'app', {
    kind: 'timeout',
    narration: () => `The app stops waiting for ${NODES[callee].label} after ${timeoutMs} ms. It abandons the answer, not the work: anything already running there goes on.`,
    decision: `timeout after ${timeoutMs} ms`,
  });
  // A timeout proves nothing about whether the work happened, so only a repeatable call may be tried again.
  return { ok: false, value: timedOut, transient: true, safeToRepeat: false, reason: 'a timeout', timedOut: true };
}

function json(ctx: SimContext, status: number, body: object | null, extra: Record<string, string> = {}): HttpResponse {
  const text = body === null ? null : JSON.stringify(body);
  return { status, headers: { date: httpDate(ctx), ...(text !== null ? { 'content-type': 'application/json' } : {}), ...extra }, body: text, origin: 'app' };
}

/** A strong validator for the response body (RFC 9110 §8.8.3): it changes when the data changes. */
export function etagFor(version: number): string {
  return `"profile-v${version}"`;
}

/** The JSON the API answers with: data, plus the URL of a static file for the CDN to serve (the notes' example). */
export function profileBody(): { username: string; profile_pic: string; plan: string } {
  return { username: 'jagga', profile_pic: `https://${SITE_HOST}${PROFILE_PICTURE_PATH}`, plan: 'premium' };
}

/**
 * The CORS preflight answer (Fetch Standard, "CORS protocol"): what the API allows, for how long the browser
 * may remember it. No database, no payments: OPTIONS changes nothing (RFC 9110 §9.3.7).
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': `https://${SITE_HOST}`,
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
  'access-control-allow-headers': 'content-type, idempotency-key',
  'access-control-max-age': '600',
};

/** Why the app may, or may not, repeat its own database work for this request. */
function repeatPolicy(ctx: SimContext, op: Operation, keyRecord: KeyRecord | null): { repeatable: boolean; why: string; naive: boolean } {
  if (!op.writes || op.repeatable) return { repeatable: true, why: op.why, naive: false };
  if (keyRecord) return { repeatable: true, why: 'the Idempotency-Key is stored in the same transaction, so a repeat finds it and writes nothing', naive: false };
  if (ctx.world.retry.unsafe) return { repeatable: true, why: `the naive rule "retry on 5xx" ignores that ${op.why}`, naive: true };
  return { repeatable: false, why: op.why, naive: false };
}

function successBody(op: Operation, orderId: number | null): object | null {
  switch (op.kind) {
    case 'create':
      return { order: orderId, status: 'created' };
    case 'replace':
    case 'update':
      return { order: orderId, status: 'updated' };
    default:
      return null;
  }
}

/**
 * The handler's own CPU work, on the pod's event loop. Node.js runs one callback at a time, so a request waits
 * while another's CPU work runs; waiting for the database or the payments API does not hold the loop
 * (Node.js docs, "Don't Block the Event Loop (or the Worker Pool)").
 */
function* onEventLoop(ctx: SimContext, tag: Tag, pod: Pod, req: HttpRequest, op: Operation): Task<void> {
  const askedAt = ctx.kernel.now;
  yield* holding(
    pod.cpu,
    (function* (): Task<void> {
      const waitedMs = ctx.kernel.now - askedAt;
      if (waitedMs > 0) {
        note(ctx, tag, 'app', {
          kind: 'queue-wait',
          narration: () => `Pod ${pod.index + 1}'s event loop was busy with other requests' code, so this one waited ${formatSeconds(waitedMs)} for its turn.`,
          decision: `event loop busy: waited ${formatSeconds(waitedMs)}`,
          waitMs: waitedMs,
        });
      }
      yield* work(ctx, tag, 'app', ctx.world.appWorkMs(), {
        kind: 'handler',
        narration: () =>
          op.kind === 'preflight'
            ? 'The app’s CORS middleware takes the OPTIONS request: a preflight asks what is allowed, and changes nothing.'
            : `The app's handler for ${req.method} ${req.path} checks the session token and starts its work.`,
        decision: `handler ${req.method} ${req.path}`,
      });
    })(),
  );
}

/** A fallback that stood in for one of the handler's calls. */
interface StoodIn {
  edge: 'db' | 'payments';
  choice: Extract<FallbackChoice, { serves: string }>;
}

/** What a fallback keeps a payments answer under: the call itself, so one subscription serves every product. */
const PAYMENTS_KEY: Readonly<Record<PaymentsCall, string>> = {
  read: `${CALLS.read.method} ${CALLS.read.path}`,
  charge: `${CALLS.charge.method} ${CALLS.charge.path}`,
};

/**
 * A read answered with a fallback's help. It carries no validator and `no-store`: an answer some of which is a
 * stand-in must not be kept by the edge, so the real one replaces it as soon as the dependency is back.
 * `X-Fallback` says which call fell back, on what, and how old it was.
 */
function fallbackAnswer(ctx: SimContext, tag: Tag, req: HttpRequest, fallbacks: readonly StoodIn[]): HttpResponse {
  const defaulted = (edge: 'db' | 'payments') => fallbacks.some((f) => f.edge === edge && f.choice.serves === 'default');
  const body = JSON.stringify({ ...profileBody(), ...(defaulted('db') ? { username: null } : {}), ...(defaulted('payments') ? { plan: null } : {}) });
  const said = fallbacks.map(({ edge, choice }) => `${edge}=${choice.serves}${choice.ageMs === null ? '' : `;age=${Math.floor(choice.ageMs / 1000)}`}`).join(', ');
  const head = req.method === 'HEAD';
  note(ctx, tag, 'app', {
    kind: 'done',
    narration: () => `The app answers 200 OK with what its fallback${fallbacks.length > 1 ? 's' : ''} gave (${said}), marked no-store so that no cache keeps a stand-in.`,
    decision: `200 OK, X-Fallback: ${said}`,
  });
  return {
    status: 200,
    headers: { date: httpDate(ctx), 'content-type': 'application/json', 'content-length': String(body.length), 'cache-control': 'no-store', 'x-fallback': said },
    body: head ? null : body,
    origin: 'app',
  };
}

export function* handleApp(ctx: SimContext, req: HttpRequest, pod: Pod): Task<HttpResponse> {
  const { world } = ctx;
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const op = OPERATIONS[req.method];

  yield* onEventLoop(ctx, tag, pod, req, op);

  if (world.conditions.originFailing) {
    note(ctx, tag, 'app', {
      kind: 'done',
      narration: 'The app is failing: the handler throws, and the framework answers 500 Internal Server Error.',
      decision: '500 Internal Server Error',
    });
    return json(ctx, 500, { error: 'internal error' }, { 'cache-control': 'no-store' });
  }

  if (op.kind === 'preflight') {
    note(ctx, tag, 'app', {
      kind: 'done',
      narration: 'The app answers 204 No Content with the methods and headers it allows, without touching the database or the payments API.',
      decision: `204 No Content, Allow-Methods ${CORS_HEADERS['access-control-allow-methods']}`,
    });
    return json(ctx, 204, null, { ...CORS_HEADERS, 'cache-control': 'no-store' });
  }

  // The app keeps keys for the writes that need them; a PUT or DELETE is already harmless to repeat.
  const key = op.writes && !op.repeatable ? (req.headers['idempotency-key'] ?? null) : null;
  const keyRecord: KeyRecord | null = key
    ? { key, result: (orderId): StoredResult => ({ status: op.successStatus, body: JSON.stringify(successBody(op, orderId)), orderId }) }
    : null;
  const policy = repeatPolicy(ctx, op, keyRecord);

  const parameter = new URLSearchParams(req.query || req.body || '').get('q') ?? '';
  const dbGuards = world.resilience.atPod(pod.index, 'db');
  const db = yield* withRetries<DbAnswer | DbFailure | 'rejected'>(
    ctx,
    {
      layer: 'db',
      requestId: req.requestId,
      caller: 'app',
      callee: 'db',
      idempotent: policy.repeatable,
      why: policy.why,
      naive: policy.naive,
      what: op.writes ? 'the transaction' : 'the query',
      guards: dbGuards,
    },
    (attempt) => withAppDeadline(ctx, { requestId: req.requestId, attempt }, 'db', queryOnce(ctx, { requestId: req.requestId, attempt }, pod.pool, op, parameter, keyRecord), 'timeout' as const),
    'rejected',
  );
  const answer = db.ok && typeof db.value !== 'string' ? db.value : null;
  // The fallbacks that stood in for a failed call, if any: the answer then says so, and no cache keeps it.
  let fallbacks: StoodIn[] | null = null;
  if (answer) dbGuards?.fallback?.remember(req.path, ctx.kernel.now);
  else {
    const choice = standIn(ctx, tag, dbGuards, { caller: 'app', callee: 'db', what: 'this data', defaultWords: 'a guest profile, with no user data', never: op.kind === 'read' ? null : 'a write that did not happen cannot be answered from a copy' }, req.path);
    if (!choice) {
      note(ctx, tag, 'app', {
        kind: 'done',
        narration: 'Without its data the app cannot answer, so it returns 503 and a short JSON error, with Retry-After: 1.',
        decision: '503 database unavailable',
      });
      return json(ctx, 503, { error: 'database unavailable' }, { 'cache-control': 'no-store', 'retry-after': '1' });
    }
    fallbacks = [{ edge: 'db', choice }];
  }

  const replayed = answer?.kind === 'replayed';
  if (answer?.kind === 'replayed') {
    note(ctx, tag, 'app', {
      kind: 'replay',
      narration: `This Idempotency-Key is already stored with order ${answer.stored.orderId}: the app writes nothing new and resumes where the first request left off${op.payments === 'charge' ? ', at the charge, which the payments API dedupes by the same key' : ''}.`,
      decision: `key ${key} found: order ${answer.stored.orderId}, no new row`,
    });
  }
  const orderId = !answer ? null : answer.kind === 'replayed' ? (answer.stored.orderId ?? null) : answer.orderId;

  if (op.payments) {
    // What matters is the payments call itself: a read is safe to repeat, a charge only with the key, which the app forwards.
    const forwardedKey = op.payments === 'charge' ? key : null;
    const paymentsRepeatable = op.payments === 'read' || forwardedKey !== null || world.retry.unsafe;
    const paymentsGuards = world.resilience.atPod(pod.index, 'thirdparty');
    const payments = yield* withRetries<HttpResponse | 'refused' | 'rejected'>(
      ctx,
      {
        guards: paymentsGuards,
        layer: 'thirdparty',
        requestId: req.requestId,
        caller: 'app',
        callee: 'thirdparty',
        idempotent: paymentsRepeatable,
        naive: op.payments === 'charge' && forwardedKey === null && world.retry.unsafe,
        why:
          op.payments === 'read'
            ? 'reading a subscription changes nothing'
            : forwardedKey
              ? 'the payments API keeps the Idempotency-Key and answers a repeat with the first result'
              : world.retry.unsafe
                ? 'the naive rule "retry on 5xx" ignores that each charge request charges the card'
                : 'each charge request charges the card',
        what: op.payments === 'read' ? 'the payments call' : 'the charge',
      },
      (attempt) => withAppDeadline(ctx, { requestId: req.requestId, attempt }, 'thirdparty', callOnce(ctx, { requestId: req.requestId, attempt }, op.payments!, forwardedKey), 'refused' as const),
      'rejected',
    );
    if (!payments.ok && typeof payments.value !== 'string' && payments.value.status === 409) {
      // The charge is still running under this key: ask the client to come back, and its repeat will be answered from the key.
      note(ctx, tag, 'app', {
        kind: 'done',
        narration: 'The first charge with this key is still running, so the app asks the browser to try again in a second: its repeat, with the same key, will get the saved result.',
        decision: '503 charge in progress, Retry-After: 1',
      });
      return json(ctx, 503, { error: 'charge in progress' }, { 'cache-control': 'no-store', 'retry-after': '1' });
    }
    const paymentsKey = PAYMENTS_KEY[op.payments];
    if (payments.ok) paymentsGuards?.fallback?.remember(paymentsKey, ctx.kernel.now);
    else {
      const choice = standIn(
        ctx,
        tag,
        paymentsGuards,
        { caller: 'app', callee: 'thirdparty', what: 'the subscription', defaultWords: 'the plan is left unknown, the rest is answered', never: op.payments === 'charge' ? 'a charge that did not happen cannot be answered from a copy' : null },
        paymentsKey,
      );
      if (!choice) {
        note(ctx, tag, 'app', {
          kind: 'done',
          narration: 'The payments API failed, so the app answers 502 Bad Gateway: an upstream it depends on broke.',
          decision: '502 payments provider unavailable',
        });
        return json(ctx, 502, { error: 'payments provider unavailable' }, { 'cache-control': 'no-store' });
      }
      (fallbacks ??= []).push({ edge: 'payments', choice });
    }
  }

  if (op.kind !== 'read') {
    const status = op.successStatus;
    note(ctx, tag, 'app', {
      kind: 'done',
      narration: () =>
        op.kind === 'create'
          ? `The app answers ${statusLine(status)}, with a Location header naming the new order.`
          : `The app answers ${statusLine(status)}.`,
      decision: statusLine(status),
    });
    return json(ctx, status, successBody(op, orderId), {
      'cache-control': 'no-store',
      ...(op.kind === 'create' ? { location: `/api/orders/${orderId}` } : {}),
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  }

  if (fallbacks) return fallbackAnswer(ctx, tag, req, fallbacks);

  const { contentChanged, deploys } = world.conditions;
  const etag = etagFor(1 + (contentChanged ? 1 : 0) + deploys);
  if (req.headers['if-none-match'] === etag) {
    note(ctx, tag, 'app', {
      kind: 'done',
      narration: () => `The data is unchanged (ETag ${etag}), so the app answers 304 Not Modified with no body: the edge keeps its copy.`,
      decision: `304: If-None-Match ${etag} matches`,
    });
    return { status: 304, headers: { date: httpDate(ctx), etag, 'cache-control': world.cache.cacheControl }, body: null, origin: 'app' };
  }
  const body = JSON.stringify(profileBody());
  const head = req.method === 'HEAD';
  note(ctx, tag, 'app', {
    kind: 'done',
    narration: head
      ? 'The app answers 200 OK to the HEAD with the headers a GET would carry, and no body (RFC 9110 §9.3.2).'
      : 'The app answers 200 OK with JSON: the data, plus URLs of static files that the CDN will serve.',
    decision: `200 OK, ETag ${etag}${head ? ', no body' : ''}`,
  });
  return {
    status: 200,
    headers: { date: httpDate(ctx), 'content-type': 'application/json', 'content-length': String(body.length), 'cache-control': world.cache.cacheControl, etag },
    body: head ? null : body,
    origin: 'app',
  };
}
