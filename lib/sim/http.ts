/**
 * HTTP messages as they travel hop by hop, and the exchange helper every HTTP hop uses:
 * open (or reuse) a connection, send the request, let the server handle it, carry the response back.
 */
import type { HttpMethod, TlsVersion } from '@/lib/scenario/schema';
import { leg, note, type EventFields, type SimContext, type Tag } from './context';
import { serve, type Task } from './kernel/kernel';
import { ensureConnection, flush } from './net/handshake';
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
  const pending = yield* ensureConnection(ctx, tag, client, server, { tls: options.tls, alreadyOpen: options.alreadyOpen });
  flush(ctx, tag, client, server, pending);
  const hopReq: HttpRequest = { ...req, headers: options.requestHeaders };
  yield* leg(ctx, tag, client, server, 'request', {
    kind: 'request',
    narration: options.requestNarration,
    decision: () => `${req.method} ${target(req)}`,
    headers: options.requestHeaders,
  });
  const call = { clientGone: false, goneAt: 0 };
  const serverSide = function* (): Task<HttpResponse> {
    const res = yield* handle(hopReq);
    const headers = options.responseHeaders ? options.responseHeaders(res) : res.headers;
    if (call.clientGone) {
      note(ctx, tag, server, {
        kind: 'orphaned',
        status: res.status,
        narration: () => `${NODES[server].label} finishes and writes its ${statusLine(res.status)}, but ${NODES[client].label} ${client === 'web' ? 'closed the connection' : 'stopped waiting'} at ${formatSeconds(call.goneAt)}${client === 'web' ? ', when the callers in front of it gave up' : ''}: nobody will read this answer.`,
        decision: `${statusLine(res.status)} written to a closed connection`,
      });
      return { ...res, headers };
    }
    yield* leg(ctx, tag, server, client, res.status >= 400 ? 'error' : 'response', {
      kind: 'response',
      status: res.status,
      narration: () => options.responseNarration(res),
      decision: statusLine(res.status),
      headers,
    });
    return { ...res, headers };
  };
  if (!options.serverKeepsWorking) return yield* serverSide();
  return yield* serve(serverSide(), () => {
    call.clientGone = true;
    call.goneAt = ctx.kernel.now;
  });
}

/** A simulated instant for narration: "2.1 s", "350 ms". */
export function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

export function describeHop(client: NodeId, server: NodeId): string {
  return `${NODES[client].label} → ${NODES[server].label}`;
}
