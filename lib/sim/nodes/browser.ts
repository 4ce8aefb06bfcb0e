/**
 * The browser: resolves the name, opens a connection to the edge (Shield inspects it inline), sends the
 * request with its own retry policy, then renders — parsing the JSON and fetching the static URLs it names
 * from the CDN over the same connection.
 */
import { note, work, type SimContext, type Tag } from '../context';
import { exchange, statusLine, type HttpRequest, type HttpResponse } from '../http';
import { carriesBody, clientMayRepeat, METHOD_SEMANTICS } from '../methods';
import type { Task } from '../kernel/kernel';
import type { FallbackServed } from '../resilience/fallback';
import { standIn } from '../resilience/stand-in';
import { withRetries, type AttemptResult, type RetryOutcome } from '../retry/retry';
import { apiPathFor, payloadText, PATHS, SITE_HOST, USER_AGENT } from '../site';
import type { CacheOutcome } from '../types';
import type { World } from '../world';
import type { HttpMethod } from '@/lib/scenario/schema';
import type { Address } from '../clients';
import { ensureConnection, flush } from '../net/handshake';
import { resolve } from './dns';
import { handleEdge, type EdgeState } from './edge';

/** Time the browser spends parsing JSON and updating the page. *assumed* */
const RENDER_MS = 8;

export interface BrowserResult {
  response: HttpResponse | null;
  attempts: number;
  answeredAtMs: number;
  renderedAtMs: number | null;
  cache: CacheOutcome;
  assetLatencies: number[];
}

function shieldInspection(ctx: SimContext, tag: Tag): void {
  note(ctx, tag, 'shield', {
    kind: 'shield-pass',
    narration: 'Shield Standard inspects packets inline at the edge location. One SYN from one visitor is normal traffic, so it passes.',
    decision: 'Shield Standard: layer 3/4 checks passed (no SYN/UDP flood, no reflection)',
  });
}

/** What a visitor asks for: the method, the payload, and which kind of URL. */
export interface RequestSpec {
  method: HttpMethod;
  payload: string;
  /** The path, when it is not the one the kind and method name (traffic asks for many objects). */
  path: string;
  /** Who sends it, in a traffic run: its address, and whether it is a bot. The single request's browser has neither. */
  sourceAddress?: Address;
  bot?: boolean;
}

/** The single request's spec, from the world's request settings. */
export function singleRequestSpec(request: World['request']): RequestSpec {
  // The schema allows `mix` only in traffic mode, where each arrival draws its own kind.
  return { method: request.method, payload: request.payload, path: request.kind === 'static' ? PATHS.static : apiPathFor(request.method) };
}

let lastPayload: string | null = null;
let lastEncoded = '';

/** `q=…`, percent-encoded. A traffic run sends one or two payloads a hundred thousand times: the last is kept. */
function encodedPayload(payload: string): string {
  if (payload !== lastPayload) {
    lastEncoded = `q=${encodeURIComponent(payloadText(payload))}`;
    lastPayload = payload;
  }
  return lastEncoded;
}

/** Puts the payload where the method carries data: the query string for reads, the body for writes. */
export function buildRequest(spec: RequestSpec, requestId: string): HttpRequest {
  const encoded = encodedPayload(spec.payload);
  const inBody = carriesBody(spec.method);
  const req: HttpRequest = {
    requestId,
    attempt: 1,
    method: spec.method,
    path: spec.path,
    query: inBody ? '' : encoded,
    body: inBody ? encoded : null,
    headers: {},
  };
  if (spec.sourceAddress !== undefined) req.sourceAddress = spec.sourceAddress;
  if (spec.bot) req.bot = true;
  return req;
}

function viewerRequestHeaders(ctx: SimContext, req: HttpRequest, idempotencyKey: string | null): Record<string, string> {
  return {
    host: SITE_HOST,
    'user-agent': USER_AGENT,
    accept: req.path.startsWith('/api/') ? 'application/json' : '*/*',
    ...(req.body !== null ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  };
}

function fetchViaEdge(ctx: SimContext, edge: EdgeState, req: HttpRequest, idempotencyKey: string | null, firstContact: boolean): Task<HttpResponse> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  return exchange(ctx, tag, 'browser', 'edge', req, (r) => handleEdge(ctx, edge, r), {
    tls: ctx.world.tls,
    alreadyOpen: false,
    requestHeaders: viewerRequestHeaders(ctx, req, idempotencyKey),
    requestNarration: () =>
      firstContact
        ? `The browser sends ${req.method} ${req.path} over the encrypted connection to the edge (HTTPS, port 443).`
        : `The browser asks the same edge for ${req.path}, reusing the open connection.`,
    responseNarration: (res) =>
      res.status < 400
        ? `The edge delivers ${statusLine(res.status)} to the browser (${res.headers['x-cache'] ?? ''}).`
        : `The browser receives ${statusLine(res.status)}.`,
  });
}

/** Static URLs the JSON names on this site (the browser fetches them when it renders). */
export function staticUrlsIn(body: string | null): string[] {
  if (!body) return [];
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data !== 'object' || data === null) return [];
    return Object.values(data)
      .filter((v): v is string => typeof v === 'string' && v.startsWith(`https://${SITE_HOST}/static/`))
      .map((v) => v.slice(`https://${SITE_HOST}`.length));
  } catch {
    return [];
  }
}

/** What the browser got for one URL, and what its fallback showed instead of a server error, if anything did. */
export type BrowserOutcome = RetryOutcome<HttpResponse> & { fallback?: FallbackServed };

/** Sends a request to the edge, and again as the retry policy allows: what one visitor's browser does for one URL. */
export function* requestWithRetries(ctx: SimContext, edge: EdgeState, base: HttpRequest, idempotencyKey: string | null): Task<BrowserOutcome> {
  const { unsafe } = ctx.world.retry;
  // This visitor's own breaker, bulkhead, quota and fallback, if the browser has any: new with each visitor.
  const guards = ctx.world.resilience.forVisitor(ctx.kernel.now);
  const outcome = yield* withRetries(
    ctx,
    {
      guards,
      layer: 'browser',
      requestId: base.requestId,
      caller: 'browser',
      callee: 'edge',
      // The browser knows only the request, not the handler: it goes by the method and the key (RFC 9110 §9.2.2).
      idempotent: clientMayRepeat(base.method, idempotencyKey !== null) || unsafe,
      naive: !clientMayRepeat(base.method, idempotencyKey !== null) && unsafe,
      // Words for the narration, written only when a recorder asks: every request of a traffic run passes here.
      get why() {
        return METHOD_SEMANTICS[base.method].idempotent
          ? `${base.method} is idempotent by definition`
          : idempotencyKey
            ? 'it carries an Idempotency-Key, so the server answers a repeat with the first result'
            : unsafe
              ? `the naive rule "retry on 5xx" ignores that a ${base.method} is not idempotent`
              : `a ${base.method} is not idempotent`;
      },
      what: 'the request',
    },
    function* (attempt): Task<AttemptResult<HttpResponse>> {
      const res = yield* fetchViaEdge(ctx, edge, { ...base, attempt }, idempotencyKey, attempt === 1);
      if (res.status < 400) return { ok: true, value: res };
      const transient = res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504;
      const retryAfter = Number(res.headers['retry-after']);
      const hinted = (res.status === 503 || res.status === 429) && Number.isFinite(retryAfter) && retryAfter >= 0;
      return { ok: false, value: res, transient, safeToRepeat: false, reason: `a ${statusLine(res.status)}`, ...(hinted ? { retryAfterMs: retryAfter * 1000 } : {}) };
    },
  );
  const store = guards?.fallback;
  if (!store) return outcome;
  if (outcome.ok) store.remember(base.path, ctx.kernel.now);
  // A 4xx is the server's answer about the request; only a server error or no answer is a failure to stand in for.
  if (outcome.ok || outcome.value.status < 500) return outcome;
  const choice = standIn(
    ctx,
    { requestId: base.requestId, attempt: outcome.attempts },
    guards,
    { caller: 'browser', callee: 'edge', what: 'this page', defaultWords: 'the page shows its built-in placeholder, "temporarily unavailable", with what it can draw without data', never: null },
    base.path,
  );
  return choice ? { ...outcome, fallback: choice.serves } : outcome;
}

export function* browserSession(ctx: SimContext, edge: EdgeState): Task<BrowserResult> {
  const { world } = ctx;
  const requestId = 'r1';
  const start = ctx.kernel.now;
  yield* resolve(ctx, { requestId, attempt: 1 });

  // A new visitor opens a fresh connection; Shield sees the SYN on its way in.
  const open = { requestId, attempt: 1 };
  const pending = yield* ensureConnection(ctx, open, 'browser', 'edge', { tls: world.tls, onSynArrived: () => shieldInspection(ctx, open) });
  // Security groups and network ACLs sit inside the VPC: nothing of theirs stands between a browser and the edge.
  if (pending === null) throw new Error('the browser could not connect to the edge');
  flush(ctx, open, 'browser', 'edge', pending);

  const base = buildRequest(singleRequestSpec(world.request), requestId);
  const idempotencyKey = world.request.idempotencyKey ? `idem-${ctx.cosmeticHex(12, requestId, 'idempotency-key')}` : null;
  const outcome = yield* requestWithRetries(ctx, edge, base, idempotencyKey);
  const response = outcome.value;
  const answeredAtMs = ctx.kernel.now - start;
  const tag: Tag = { requestId, attempt: outcome.attempts };
  const assetLatencies: number[] = [];

  const wafAction = response.headers['x-amzn-waf-action'];
  if (response.status >= 400 || wafAction) {
    const fallback = outcome.fallback;
    yield* work(ctx, tag, 'browser', RENDER_MS, {
      kind: 'render',
      narration: () =>
        fallback
          ? `The page draws its fallback instead of an error (${fallback}): the visitor sees a page, with less in it.`
          : wafAction
            ? `The WAF answered with a ${wafAction === 'captcha' ? 'CAPTCHA' : 'challenge'} instead of the data, and with no page to ${wafAction === 'captcha' ? 'solve it on' : 'run it'}: this was a fetch for JSON. A page built with AWS WAF's JavaScript integration gets a token before it calls the API; without one the call fails.`
            : response.status === 403
              ? 'The browser shows the error page the WAF returned: the request was refused at the edge.'
              : 'The page degrades gracefully: it shows a friendly "try again in a moment" message instead of a broken screen.',
      decision: fallback ? `render fallback (${fallback}) for ${statusLine(response.status)}` : `render error state for ${statusLine(response.status)}`,
    });
    return { response, attempts: outcome.attempts, answeredAtMs, renderedAtMs: fallback ? ctx.kernel.now - start : null, cache: response.cache ?? 'bypass', assetLatencies };
  }

  if (world.request.kind === 'api' && response.body !== null) {
    const urls = staticUrlsIn(response.body);
    yield* work(ctx, tag, 'browser', RENDER_MS, {
      kind: 'render',
      narration: () => `The browser parses the JSON and draws the data; it names ${urls.length} static URL${urls.length === 1 ? '' : 's'} to fetch from the CDN.`,
      decision: `JSON parsed; static URLs: ${urls.join(', ') || 'none'}`,
    });
    for (const [index, path] of urls.entries()) {
      const assetStart = ctx.kernel.now;
      const assetReq: HttpRequest = { requestId: `${requestId}.a${index + 1}`, attempt: 1, method: 'GET', path, query: '', body: null, headers: {} };
      yield* fetchViaEdge(ctx, edge, assetReq, null, false);
      assetLatencies.push(ctx.kernel.now - assetStart);
    }
  }
  note(ctx, tag, 'browser', {
    kind: 'render',
    narration: () =>
      world.request.kind !== 'api'
        ? 'The browser runs the script it received.'
        : response.body === null
          ? `${statusLine(response.status)} carries no body: the page updates without parsing anything.`
          : assetLatencies.length > 0
            ? 'The page is complete: data from the API, images from the CDN.'
            : 'The page is complete: it shows what the API answered.',
    decision: 'rendered',
  });
  return { response, attempts: outcome.attempts, answeredAtMs, renderedAtMs: ctx.kernel.now - start, cache: response.cache ?? 'bypass', assetLatencies };
}
