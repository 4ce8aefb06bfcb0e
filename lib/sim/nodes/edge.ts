/**
 * The CloudFront edge location: WAF first, then the cache behaviour for the path, then — on a miss or a
 * stale copy — the origin (the ALB for /api/*, S3 for /static/*), with CloudFront's origin timeout.
 * X-Cache values are CloudFront's own: "Hit", "RefreshHit", "Miss" and "Error from cloudfront".
 * What the distribution adds around it (edge functions, Origin Shield, an origin group) is in lib/sim/edge.
 */
import type { HttpMethod } from '@/lib/scenario/schema';
import { fork, waitFor, withDeadline, type Signal, type Task } from '../kernel/kernel';
import { note, type SimContext, type Tag } from '../context';
import { errorPage, exchange, statusLine, type HttpRequest, type HttpResponse } from '../http';
import { ERROR_CACHING_MIN_TTL_SECONDS, type EdgeCache, type StoredObject } from '../cache/edge-cache';
import { staleOnError } from '../cache/stale-on-error';
import { fetchShared, type InFlight } from '../cache/collapse';
import { cacheKey, cacheRequest } from '../cache/keys';
import { connectWithin, isOpen } from '../net/handshake';
import { ALB_HOST, BROWSER_IP, EDGE_POP } from '../site';
import type { CacheOutcome, NodeId } from '../types';
import { runEdgeFunction, viewerResponseRuns, type EdgeFunction } from '../edge/edge-functions';
import type { SecondaryOrigin } from '../edge/secondary-origin';
import { viaDistribution } from '../edge/upstream';
import { handleAlb } from './proxies';
import { handleS3 } from './s3';
import { inspect, wafAnswer } from './waf';

/**
 * A cache behaviour's allowed methods: CloudFront offers three sets, and GET, HEAD is the default
 * (CloudFront API reference, `AllowedMethods`). Forwarding writes needs the full set of seven.
 */
export const ALL_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];
export const READ_METHODS: readonly HttpMethod[] = ['GET', 'HEAD'];

export interface CacheBehaviour {
  pattern: '/api/*' | '/static/*';
  origin: Extract<NodeId, 'alb' | 's3'>;
  caching: boolean;
  /** The Cache-Control this origin sends. */
  originCacheControl: string;
  /** Whether the origin's content changed since the edge stored a copy. */
  originChanged: boolean;
  allowedMethods: readonly HttpMethod[];
}

export interface EdgeState {
  cache: EdgeCache;
  behaviours: readonly CacheBehaviour[];
  /** The edge server's name in `Via`, the same in both directions. */
  viaHost: string;
  /** Origin fetches under way for a cache miss, by cache key: later misses for the same object wait for them. */
  inFlight: InFlight;
}

export function behaviourFor(edge: EdgeState, path: string): CacheBehaviour {
  const behaviour = edge.behaviours.find((b) => path.startsWith(b.pattern.replace('*', '')));
  // The default behaviour goes to the ALB.
  return behaviour ?? edge.behaviours.find((b) => b.origin === 'alb')!;
}

/** CloudFront speaks HTTP/1.1 to this viewer, and `Via` names that version both ways (RFC 9110 §7.6.3). */
function via(edge: EdgeState): string {
  return `1.1 ${edge.viaHost}.cloudfront.net (CloudFront)`;
}

/**
 * What the viewer gets: CloudFront's own headers on top of the response. Every 4xx and 5xx the edge
 * returns says `Error from cloudfront` (CloudFront Developer Guide, "X-Cache" in the standard log fields).
 */
function served(ctx: SimContext, edge: EdgeState, res: HttpResponse, xCache: string, cache: CacheOutcome, req: HttpRequest): HttpResponse {
  const { method } = req;
  return {
    ...res,
    // A HEAD answer carries the headers a GET would get, and no body (RFC 9110 §9.3.2).
    body: method === 'HEAD' ? null : res.body,
    // The edge's own headers are read only in the trace: nothing downstream decides by them. A recorder that
    // keeps counts alone gets the headers the edge was given, as with the ids it stamps (context.ts).
    headers: ctx.recorder.countsOnly ? res.headers : {
      ...res.headers,
      'x-cache': res.status >= 400 ? 'Error from cloudfront' : xCache,
      via: via(edge),
      'x-amz-cf-pop': EDGE_POP,
      'x-amz-cf-id': ctx.cosmeticHex(40, req.requestId, req.attempt, 'viewer-response'),
    },
    cache,
  };
}

/**
 * Opens the connection to the origin within CloudFront's connection timeout. Returns false when it could
 * not (the SYN or the handshake went unanswered that long).
 */
function* connectToOrigin(ctx: SimContext, edge: EdgeState, tag: Tag, origin: 'alb' | 's3'): Task<boolean> {
  if (ctx.world.connections === 'warm' || isOpen(ctx, 'edge', origin)) return true;
  const timeoutS = ctx.world.origin.connectTimeoutS;
  if (yield* connectWithin(ctx, tag, 'edge', origin, ctx.world.tls, timeoutS * 1000)) return true;
  note(ctx, tag, 'edge', {
    kind: 'timeout',
    narration: () => `The origin's handshake did not finish within ${timeoutS} s, CloudFront's connection timeout: this connection attempt failed.`,
    decision: `origin connection timeout ${timeoutS} s`,
  });
  return false;
}

/**
 * Forwards to the origin the way CloudFront does (CloudFront Developer Guide, "Request and response behavior
 * for custom origins"): each try must connect within the connection timeout and get a first byte within the
 * response timeout. A failed connection is tried again up to the connection attempts; so is a response
 * timeout, but only for GET and HEAD. Every try reaches the origin, and the work behind it goes on.
 * null means every try failed.
 */
function* fetchFromOrigin(
  ctx: SimContext,
  edge: EdgeState,
  behaviour: CacheBehaviour,
  req: HttpRequest,
  extraHeaders: Record<string, string>,
  secondary: SecondaryOrigin | null = null,
): Task<HttpResponse | null> {
  const { origin: settings } = ctx.world;
  const retriesTimeouts = req.method === 'GET' || req.method === 'HEAD';
  for (let attempt = 1; attempt <= settings.attempts; attempt++) {
    const tryReq = attempt === 1 ? req : { ...req, requestId: `${req.requestId}.o${attempt}` };
    const tag: Tag = { requestId: tryReq.requestId, attempt: tryReq.attempt };
    if (attempt > 1) {
      note(ctx, tag, 'edge', {
        kind: 'retry',
        narration: () => `CloudFront tries the origin again (connection attempt ${attempt} of ${settings.attempts}).`,
        decision: `origin attempt ${attempt}/${settings.attempts}`,
      });
    }
    if (!(yield* connectToOrigin(ctx, edge, tag, behaviour.origin))) continue;
    const res = yield* forwardOnce(ctx, edge, behaviour, tryReq, extraHeaders, tag, secondary);
    if (res) return res;
    if (!retriesTimeouts) {
      note(ctx, tag, 'edge', {
        kind: 'give-up',
        narration: () => `CloudFront tries a timed-out origin again only for GET and HEAD: a ${req.method} gets one try, so the visitor gets 504.`,
        decision: `no origin retry for ${req.method}`,
      });
      return null;
    }
  }
  return null;
}

/** One try at the behaviour's origin, or at the origin group's `secondary` when CloudFront fails over. */
function* forwardOnce(
  ctx: SimContext,
  edge: EdgeState,
  behaviour: CacheBehaviour,
  req: HttpRequest,
  extraHeaders: Record<string, string>,
  tag: Tag,
  secondary: SecondaryOrigin | null,
): Task<HttpResponse | null> {
  const { origin } = behaviour;
  const timeoutS = ctx.world.origin.responseTimeoutS;
  ctx.counters.originRequests += 1;
  const headers: Record<string, string> = {
    host: secondary ? secondary.host : origin === 'alb' ? ALB_HOST : 'assets-bucket.s3.eu-central-1.amazonaws.com',
    'user-agent': 'Amazon CloudFront',
    via: via(edge),
    'x-amz-cf-id': ctx.cosmeticHex(40, tag.requestId, tag.attempt, origin, 'origin-request'),
    // CloudFront adds the viewer's address (CloudFront Developer Guide, "X-Forwarded-For header").
    'x-forwarded-for': BROWSER_IP,
    ...(req.headers['idempotency-key'] ? { 'idempotency-key': req.headers['idempotency-key'] } : {}),
    ...extraHeaders,
  };
  const traceId = `Root=1-${ctx.cosmeticHex(8, tag.requestId, tag.attempt, 'trace-time')}-${ctx.cosmeticHex(24, tag.requestId, tag.attempt, 'trace-id')}`;
  const handler = secondary
    ? (r: HttpRequest) => secondary.handle(ctx, r, behaviour.originCacheControl, behaviour.originChanged)
    : origin === 'alb'
      ? (r: HttpRequest) => handleAlb(ctx, r, traceId)
      : (r: HttpRequest) => handleS3(ctx, r, behaviour.originCacheControl, behaviour.originChanged);
  const raced = yield* withDeadline(
    exchange(ctx, tag, 'edge', origin, req, handler, {
      tls: ctx.world.tls,
      alreadyOpen: true,
      requestHeaders: headers,
      requestNarration: secondary
        ? `The edge sends the request to ${secondary.narration}, over HTTPS 443.`
        : origin === 'alb'
          ? `The edge forwards the request to the origin, the load balancer, over HTTPS 443 on the AWS backbone${req.method === 'HEAD' ? ' (still a HEAD)' : ''}.`
          : 'The edge fetches the file from the S3 bucket over HTTPS 443.',
      responseNarration: (res) => `The origin answers ${statusLine(res.status)} to the edge.`,
    }),
    timeoutS * 1000,
  );
  if (raced.finished) return raced.value;
  note(ctx, tag, 'edge', {
    kind: 'timeout',
    narration: () => `The origin sent nothing for ${timeoutS} s, CloudFront's origin response timeout: the edge drops the connection. The work behind it does not stop.`,
    decision: `origin response timeout ${timeoutS} s`,
  });
  return null;
}

/** CloudFront's own 504, after every origin try failed. */
function gatewayTimeout(): HttpResponse {
  return errorPage(
    'edge',
    'CloudFront',
    504,
    '504 Gateway Timeout ERROR: The request could not be satisfied. CloudFront attempted to establish a connection with the origin, but either the attempt failed or the origin closed the connection.',
    { 'cache-control': 'no-store' },
  );
}

/** CloudFront's own 403 for a method the cache behaviour does not allow. */
function methodNotAllowed(): HttpResponse {
  return errorPage('edge', 'CloudFront', 403, '403 ERROR: The request could not be satisfied. This distribution is not configured to allow the HTTP request method that was used for this request.');
}

/** Stores the origin's answer when the behaviour caches, and says what was decided. */
function keep(ctx: SimContext, edge: EdgeState, tag: Tag, key: string, req: HttpRequest, res: HttpResponse): void {
  // CloudFront caches responses to GET and HEAD, but a HEAD answer has no body to give a later GET that shares
  // its key. The edge here keeps the conservative reading: a stored GET answers a HEAD, never the other way round.
  if (req.method === 'HEAD') {
    note(ctx, tag, 'edge', {
      kind: 'cache-store',
      narration: 'The answer to a HEAD has no body, so the edge does not store it under this URL: it could never serve the GETs that share the key.',
      decision: 'not stored: HEAD response has no body',
    });
    return;
  }
  const decision = edge.cache.store(key, cacheRequest(req), { status: res.status, headers: res.headers }, res.body);
  note(ctx, tag, 'edge', {
    kind: 'cache-store',
    narration: decision.store
      ? decision.ttlSeconds > 0
        ? `The edge keeps a copy for ${decision.ttlSeconds} s (${decision.reason}), so the next visitors nearby get it from here.`
        : `The edge keeps a copy but must check with the origin before each reuse (${decision.reason}).`
      : `The edge does not keep a copy: ${decision.reason}.`,
    decision: decision.store ? `stored, TTL ${decision.ttlSeconds} s (${decision.reason})` : `not stored: ${decision.reason}`,
  });
}

function servedFromCache(ctx: SimContext, edge: EdgeState, entry: StoredObject, xCache: string, outcome: CacheOutcome, req: HttpRequest): HttpResponse {
  // The Age a served copy carries is for the trace's reader too (see `served`).
  const headers = ctx.recorder.countsOnly ? entry.headers : edge.cache.servedHeaders(entry);
  return served(ctx, edge, { status: entry.status, headers, body: entry.body, origin: 'edge' }, xCache, outcome, req);
}

/**
 * Request collapsing: CloudFront holds simultaneous requests for an object it is already fetching from the origin
 * and answers them from that one fetch (CloudFront Developer Guide, "Simultaneous requests for the same object
 * (request collapsing)"). Once it ends, the waiting request gets the copy it left in the cache, or its answer;
 * if that failed, the stale copy the request found, where the rules allow it.
 */
function* joinInFlight(ctx: SimContext, edge: EdgeState, tag: Tag, req: HttpRequest, key: string, pending: Signal<HttpResponse | null>, stale: StoredObject | null): Task<HttpResponse> {
  note(ctx, tag, 'edge', {
    kind: stale ? 'cache-stale' : 'cache-miss',
    narration: `The edge ${stale ? "has only an expired copy" : 'has no copy yet'}, but it is already fetching this URL for another visitor: this request waits for that answer instead of asking the origin again.`,
    decision: 'collapsed into the origin request in flight',
  });
  const shared = yield* waitFor(pending);
  const now = edge.cache.lookup(key);
  if (now && !now.isError && edge.cache.isFresh(now)) return servedFromCache(ctx, edge, now, 'Miss from cloudfront', 'miss', req);
  if ((shared === null || shared.status >= 500) && stale && staleOnError(edge.cache, stale).serve) {
    return servedFromCache(ctx, edge, stale, 'RefreshHit from cloudfront', 'stale', req);
  }
  return served(ctx, edge, shared ?? gatewayTimeout(), 'Miss from cloudfront', 'miss', req);
}

/**
 * The origin request, straight to the origin when nothing stands in between (the default), else through Origin Shield,
 * the origin group and the origin functions (lib/sim/edge/upstream.ts).
 */
function toOrigin(ctx: SimContext, edge: EdgeState, behaviour: CacheBehaviour, req: HttpRequest, extraHeaders: Record<string, string>): Task<HttpResponse | null> {
  if (ctx.world.distribution.direct) return fetchFromOrigin(ctx, edge, behaviour, req, extraHeaders);
  return viaDistribution(ctx, behaviour.caching, behaviour.origin, req, extraHeaders, (secondary, headers) => fetchFromOrigin(ctx, edge, behaviour, req, headers, secondary));
}

/** A request at the edge location, with the viewer-response function around it when there is one (lib/sim/edge/edge-functions.ts). */
export function handleEdge(ctx: SimContext, edge: EdgeState, req: HttpRequest): Task<HttpResponse> {
  const after = ctx.world.distribution.functions?.['viewer-response'];
  return after ? withViewerResponse(ctx, req, after, atEdgeLocation(ctx, edge, req)) : atEdgeLocation(ctx, edge, req);
}

function* withViewerResponse(ctx: SimContext, req: HttpRequest, fn: EdgeFunction, handled: Task<HttpResponse>): Task<HttpResponse> {
  const res = yield* handled;
  if (viewerResponseRuns(res.status)) yield* runEdgeFunction(ctx, { requestId: req.requestId, attempt: req.attempt }, fn);
  return res;
}

function* atEdgeLocation(ctx: SimContext, edge: EdgeState, req: HttpRequest): Task<HttpResponse> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };

  const verdict = yield* inspect(ctx, req);
  // Blocked, or met with a CAPTCHA or a challenge: the WAF answers, and the cache and the origin never see it.
  if (verdict && verdict.action !== 'ALLOW') return served(ctx, edge, wafAnswer(verdict, req), 'Error from cloudfront', 'bypass', req);

  const behaviour = behaviourFor(edge, req.path);
  if (!behaviour.allowedMethods.includes(req.method)) {
    note(ctx, tag, 'edge', {
      kind: 'cache-bypass',
      status: 403,
      narration: () => `The cache behaviour for ${behaviour.pattern} allows only ${behaviour.allowedMethods.join(' and ')}, so CloudFront answers a ${req.method} itself with 403: the origin never sees it.`,
      decision: `AllowedMethods ${behaviour.allowedMethods.join(', ')}: ${req.method} → 403`,
    });
    return served(ctx, edge, methodNotAllowed(), 'Error from cloudfront', 'bypass', req);
  }

  // The viewer-request function runs after the WAF, before the cache is looked at.
  const before = ctx.world.distribution.functions?.['viewer-request'];
  if (before) yield* runEdgeFunction(ctx, tag, before);

  const cacheableMethod = req.method === 'GET' || req.method === 'HEAD';
  if (!behaviour.caching || !cacheableMethod) {
    note(ctx, tag, 'edge', {
      kind: 'cache-bypass',
      narration: !behaviour.caching
        ? `Caching is disabled for ${behaviour.pattern}, so the edge forwards every request to the origin.`
        : `CloudFront only caches GET and HEAD: ${req.method === 'OPTIONS' ? 'an' : 'a'} ${req.method} always goes to the origin (and skips the regional edge caches${ctx.world.distribution.originShield ? ' and Origin Shield' : ''}).`,
      decision: !behaviour.caching ? `behaviour ${behaviour.pattern}: CachingDisabled` : `${req.method} is not cached`,
    });
    const res = yield* toOrigin(ctx, edge, behaviour, req, {});
    return served(ctx, edge, res ?? gatewayTimeout(), 'Miss from cloudfront', 'bypass', req);
  }

  const key = cacheKey(req);
  ctx.counters.cacheLookups += 1;
  const entry = edge.cache.lookup(key);

  if (entry && edge.cache.isFresh(entry)) {
    const age = Math.round(edge.cache.ageSeconds(entry));
    if (entry.isError) {
      note(ctx, tag, 'edge', {
        kind: 'cache-error-hit',
        status: entry.status,
        narration: () => `The edge cached the origin's ${entry.status} ${age} s ago and serves it again without asking the origin: errors are cached for ${entry.ttlSeconds} s by default.`,
        decision: `X-Cache: Error from cloudfront, Age: ${age}`,
      });
      return servedFromCache(ctx, edge, entry, 'Error from cloudfront', 'error', req);
    }
    ctx.counters.cacheHits += 1;
    note(ctx, tag, 'edge', {
      kind: 'cache-hit',
      narration: () => `The edge has a fresh copy (${age} s old, fresh for ${entry.ttlSeconds} s) and answers at once${req.method === 'HEAD' ? ' with its headers' : ''}: the origin never hears of this request.`,
      decision: `X-Cache: Hit from cloudfront, Age: ${age}`,
      detail: { ageSeconds: age, ttlSeconds: entry.ttlSeconds },
    });
    return servedFromCache(ctx, edge, entry, 'Hit from cloudfront', 'hit', req);
  }

  if (entry && !entry.isError) {
    const age = Math.round(edge.cache.ageSeconds(entry));
    if (edge.cache.staleWhileRevalidateOk(entry)) {
      note(ctx, tag, 'edge', {
        kind: 'cache-stale',
        narration: () => `The copy is ${age} s old, past its ${entry.ttlSeconds} s, but stale-while-revalidate lets the edge serve it now and refresh it in the background.`,
        decision: `stale (Age ${age} > TTL ${entry.ttlSeconds}), stale-while-revalidate`,
      });
      const revalidateTag = { requestId: `${req.requestId}.bg`, attempt: 1 };
      yield* fork(
        (function* (): Task<void> {
          const res = yield* toOrigin(ctx, edge, behaviour, { ...req, ...revalidateTag, method: 'GET' }, edge.cache.revalidationHeaders(entry, cacheRequest(req)));
          if (res && res.status < 500) {
            const { modified } = edge.cache.revalidated(key, entry, cacheRequest(req), { status: res.status, headers: res.headers }, res.body);
            note(ctx, revalidateTag, 'edge', {
              kind: 'cache-revalidated',
              narration: modified ? 'In the background, the edge replaces its copy with the new version.' : 'In the background, the origin confirms the copy (304): it is fresh again.',
              decision: modified ? 'background refresh: replaced' : 'background refresh: 304 Not Modified',
            });
          }
        })(),
      );
      return servedFromCache(ctx, edge, entry, 'Hit from cloudfront', 'stale', req);
    }

    // The origin failed moments ago and this copy stood in: CloudFront serves it again without asking, for the error
    // caching minimum TTL (CloudFront Developer Guide, "How CloudFront processes HTTP 5xx status codes from your origin").
    const standIn = edge.cache.originFailedRecently(entry) ? staleOnError(edge.cache, entry) : null;
    if (standIn?.serve) {
      note(ctx, tag, 'edge', {
        kind: 'cache-stale',
        narration: () => `The origin failed less than ${ERROR_CACHING_MIN_TTL_SECONDS} s ago, so the edge serves its stale copy again without asking: ${standIn.why}.`,
        decision: `origin failed recently → serve stale, Age ${age}`,
      });
      return servedFromCache(ctx, edge, entry, 'RefreshHit from cloudfront', 'stale', req);
    }

    const pending = edge.inFlight.get(key);
    if (pending) return yield* joinInFlight(ctx, edge, tag, req, key, pending, entry);

    const validators = edge.cache.revalidationHeaders(entry, cacheRequest(req));
    const conditional = 'if-none-match' in validators || 'if-modified-since' in validators;
    note(ctx, tag, 'edge', {
      kind: 'cache-stale',
      narration: conditional
        ? `The edge's copy is ${age} s old, past its ${entry.ttlSeconds} s: it asks the origin whether it changed (If-None-Match ${validators['if-none-match'] ?? ''}).`
        : `The edge's copy is ${age} s old, past its ${entry.ttlSeconds} s, and has no validator: it fetches the object again.`,
      decision: `stale (Age ${age} > TTL ${entry.ttlSeconds}) → ${conditional ? 'revalidate' : 'refetch'}`,
    });
    const res = yield* fetchShared(edge.inFlight, key, toOrigin(ctx, edge, behaviour, req, validators));
    if (res === null || res.status >= 500) {
      const rule = staleOnError(edge.cache, entry);
      if (rule.serve) {
        note(ctx, tag, 'edge', {
          kind: 'cache-stale',
          narration: () => `The origin failed, so the edge serves the stale copy rather than an error: ${rule.why}.`,
          decision: `origin ${res ? res.status : 'timeout'} → serve stale, Age ${Math.round(edge.cache.ageSeconds(entry))}`,
        });
        edge.cache.stoodInForFailedOrigin(entry);
        return servedFromCache(ctx, edge, entry, 'RefreshHit from cloudfront', 'stale', req);
      }
      note(ctx, tag, 'edge', {
        kind: 'cache-miss',
        narration: () => `The origin failed and the edge may not serve its stale copy: ${rule.why}. The visitor gets the error.`,
        decision: `no stale copy: ${rule.why}`,
      });
      // The error replaces the stale copy for the error caching minimum TTL, as on a plain miss.
      const error = res ?? gatewayTimeout();
      keep(ctx, edge, tag, key, req, error);
      return served(ctx, edge, error, 'Error from cloudfront', 'miss', req);
    }
    if (res.status === 304) {
      const { decision } = edge.cache.revalidated(key, entry, cacheRequest(req), { status: res.status, headers: res.headers }, res.body);
      const fresh = edge.cache.lookup(key) ?? entry;
      note(ctx, tag, 'edge', {
        kind: 'cache-revalidated',
        narration: () => `The origin says 304 Not Modified: the edge's copy is still right. It is fresh again for ${decision.ttlSeconds} s, and no body crossed the backbone.`,
        decision: 'X-Cache: RefreshHit from cloudfront',
      });
      return servedFromCache(ctx, edge, fresh, 'RefreshHit from cloudfront', 'revalidated', req);
    }
    keep(ctx, edge, tag, key, req, res);
    return served(ctx, edge, res, 'Miss from cloudfront', 'miss', req);
  }

  const pending = edge.inFlight.get(key);
  if (pending) return yield* joinInFlight(ctx, edge, tag, req, key, pending, null);

  note(ctx, tag, 'edge', {
    kind: 'cache-miss',
    narration: () => {
      const upstream = ctx.world.distribution.originShield ? 'Origin Shield' : 'the origin';
      return entry?.isError ? `The cached error has expired, so the edge asks ${upstream} again.` : `The edge has no copy of this URL: a cache miss, so it asks ${upstream}.`;
    },
    decision: 'X-Cache: Miss from cloudfront',
  });
  const res = yield* fetchShared(edge.inFlight, key, toOrigin(ctx, edge, behaviour, req, {}));
  const answer = res ?? gatewayTimeout();
  if (answer.status < 400 || answer.status >= 500) keep(ctx, edge, tag, key, req, answer);
  return served(ctx, edge, answer, 'Miss from cloudfront', 'miss', req);
}
