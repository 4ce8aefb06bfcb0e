/**
 * HTTP messages as they travel hop by hop, and the exchange helper every HTTP hop uses:
 * open (or reuse) a connection, send the request, let the server handle it, carry the response back.
 */
import type { HttpMethod, TlsVersion } from '@/lib/scenario/schema';
import { depart, dropAndWait, note, packetFate, waitForever, type EventFields, type SimContext, type Tag } from './context';
import { serve, type Task } from './kernel/kernel';
import { ensureConnection, flush, reuseOpenConnection } from './net/handshake';
import { NODES } from './topology';
import type { CacheOutcome, NodeId } from './types';
import type { Address } from './clients';

export interface HttpRequest {
  requestId: string;
  /** The attempt of the layer that sent this copy. */
  attempt: number;
  method: HttpMethod;
  path: string;
  /** Decoded query string without the leading `?`, empty when there is none. */
  query: string;
  body: string | null;
  headers: Record<string, string>;
  /** The client's address, when it is not the single request's browser (a traffic run's visitors and bots). */
  sourceAddress?: Address;
  /** Sent by a bot: a script with no person behind it, which solves no CAPTCHA and runs no challenge. */
  bot?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  /** The node that produced this response. */
  origin: NodeId;
  cache?: CacheOutcome;
  blockedBy?: NodeId;
}

/** Reason phrases (RFC 9110 §15). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  202: 'Accepted',
  304: 'Not Modified',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusLine(status: number): string {
  return `${status} ${REASONS[status] ?? ''}`.trim();
}

/** An error page a proxy or the edge writes itself, signed with its own `Server` header. */
export function errorPage(origin: NodeId, server: string, status: number, body: string, extra: Record<string, string> = {}): HttpResponse {
  return { status, headers: { server, 'content-type': 'text/html', ...extra }, body, origin };
}

export function target(req: HttpRequest): string {
  return req.query ? `${req.path}?${req.query}` : req.path;
}

export interface ExchangeOptions {
  tls: TlsVersion | null;
  alreadyOpen: boolean;
  /** A function when the words cost something to build (see EventFields). */
  requestNarration: EventFields['narration'];
  /** Headers as they look on this hop. */
  requestHeaders: Record<string, string>;
  responseNarration: (res: HttpResponse) => string;
  /** Headers the response carries on this hop back. */
  responseHeaders?: (res: HttpResponse) => Record<string, string>;
  /**
   * The server goes on working when the client stops waiting (an app behind a proxy, a payments API):
   * its answer is then written to a closed connection, and nobody reads it.
   */
  serverKeepsWorking?: boolean;
}

export function* exchange(
  ctx: SimContext,
  tag: Tag,
  client: NodeId,
  server: NodeId,
  req: HttpRequest,
  handle: (req: HttpRequest) => Task<HttpResponse>,
  options: ExchangeOptions,
): Task<HttpResponse> {
  if (!reuseOpenConnection(ctx, tag, client, server, options.alreadyOpen)) {
    const pending = yield* ensureConnection(ctx, tag, client, server, { tls: options.tls });
    // Callers whose connection a filter could stop open it first, within their connect timeout; were one not
    // to, its own timeout would end the wait.
    if (pending === null) return yield* waitForever();
    flush(ctx, tag, client, server, pending);
  }
  const hopReq: HttpRequest = { ...req, headers: options.requestHeaders };
  const requestFields: EventFields = {
    kind: 'request',
    narration: options.requestNarration,
    decision: () => `${req.method} ${target(req)}`,
    headers: options.requestHeaders,
  };
  const lostRequest = packetFate(ctx, client, server, 'request');
  if (lostRequest) return yield* dropAndWait(ctx, tag, client, server, 'request', requestFields, lostRequest);
  const toServer = depart(ctx, tag, client, server, 'request', requestFields);
  if (toServer > 0) yield { type: 'sleep', ms: toServer };
  if (!options.serverKeepsWorking) {
    // Written out rather than shared with the served path below: every hop of every request passes here,
    // and a nested generator would cost each one an allocation and a resume per wait.
    const res = yield* handle(hopReq);
    const answer = onThisHop(res, options);
    const lostAnswer = packetFate(ctx, server, client, 'response');
    if (lostAnswer) return yield* dropAndWait(ctx, tag, server, client, answerLeg(res), answerFields(res, answer, options), lostAnswer);
    const toClient = depart(ctx, tag, server, client, answerLeg(res), answerFields(res, answer, options));
    if (toClient > 0) yield { type: 'sleep', ms: toClient };
    return answer;
  }
  const call = { clientGone: false, goneAt: 0 };
  const serverSide = function* (): Task<HttpResponse> {
    const res = yield* handle(hopReq);
    const answer = onThisHop(res, options);
    if (call.clientGone) {
      note(ctx, tag, server, {
        kind: 'orphaned',
        status: res.status,
        narration: () => `${NODES[server].label} finishes and writes its ${statusLine(res.status)}, but ${NODES[client].label} ${client === 'web' ? 'closed the connection' : 'stopped waiting'} at ${formatSeconds(call.goneAt)}${client === 'web' ? ', when the callers in front of it gave up' : ''}: nobody will read this answer.`,
        decision: `${statusLine(res.status)} written to a closed connection`,
      });
      return answer;
    }
    const lostAnswer = packetFate(ctx, server, client, 'response');
    if (lostAnswer) return yield* dropAndWait(ctx, tag, server, client, answerLeg(res), answerFields(res, answer, options), lostAnswer);
    const toClient = depart(ctx, tag, server, client, answerLeg(res), answerFields(res, answer, options));
    if (toClient > 0) yield { type: 'sleep', ms: toClient };
    return answer;
  };
  return yield* serve(serverSide(), () => {
    call.clientGone = true;
    call.goneAt = ctx.kernel.now;
  });
}

/** The server's answer with this hop's headers. */
function onThisHop(res: HttpResponse, options: ExchangeOptions): HttpResponse {
  return { ...res, headers: options.responseHeaders ? options.responseHeaders(res) : res.headers };
}

function answerLeg(res: HttpResponse): 'error' | 'response' {
  return res.status >= 400 ? 'error' : 'response';
}

/** The answer's leg back across the hop. */
function answerFields(res: HttpResponse, answer: HttpResponse, options: ExchangeOptions): EventFields {
  return {
    kind: 'response',
    status: res.status,
    narration: () => options.responseNarration(res),
    decision: statusLine(res.status),
    headers: answer.headers,
  };
}

/** A simulated instant for narration: "2.1 s", "350 ms". */
export function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

export function describeHop(client: NodeId, server: NodeId): string {
  return `${NODES[client].label} → ${NODES[server].label}`;
}
