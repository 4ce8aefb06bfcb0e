/**
 * The CloudFront edge location: WAF first, then the cache behaviour for the path, then — on a miss or a
 * stale copy — the origin (the ALB for /api/*, S3 for /static/*), with CloudFront's origin timeout.
 * X-Cache values are CloudFront's own: "Hit", "RefreshHit", "Miss" and "Error from cloudfront".
 */
import { fork, withDeadline, type Task } from '../kernel/kernel';
import { note, type SimContext, type Tag } from '../context';
import { exchange, statusLine, target, type HttpRequest, type HttpResponse } from '../http';
import type { EdgeCache, StoredObject } from '../cache/edge-cache';
import { ALB_HOST, EDGE_POP, SITE_HOST } from '../site';
import type { CacheOutcome, NodeId } from '../types';
import { handleAlb } from './proxies';
import { handleS3 } from './s3';
import { inspect } from './waf';

/** CloudFront's default origin response timeout: 30 s (CloudFront Developer Guide, "Response timeout"). */
export const ORIGIN_RESPONSE_TIMEOUT_MS = 30_000;

export interface CacheBehaviour {
  pattern: '/api/*' | '/static/*';
  origin: Extract<NodeId, 'alb' | 's3'>;
  caching: boolean;
  /** The Cache-Control this origin sends. */
  originCacheControl: string;
  /** Whether the origin's content changed since the edge stored a copy. */
  originChanged: boolean;
}

export interface EdgeState {
  cache: EdgeCache;
  behaviours: readonly CacheBehaviour[];
}

export function cacheKey(req: Pick<HttpRequest, 'path' | 'query'>): string {
  return `${SITE_HOST}${target(req as HttpRequest)}`;
}

export function behaviourFor(edge: EdgeState, path: string): CacheBehaviour {
  const behaviour = edge.behaviours.find((b) => path.startsWith(b.pattern.replace('*', '')));
  // The default behaviour goes to the ALB.
  return behaviour ?? edge.behaviours.find((b) => b.origin === 'alb')!;
}

function viewerHeaders(ctx: SimContext, headers: Record<string, string>, xCache: string): Record<string, string> {
  return {
    ...headers,
    'x-cache': xCache,
    via: `1.1 ${ctx.rng.hex(32)}.cloudfront.net (CloudFront)`,
    'x-amz-cf-pop': EDGE_POP,
    'x-amz-cf-id': ctx.rng.hex(40),
  };
}

function served(ctx: SimContext, res: HttpResponse, xCache: string, cache: CacheOutcome): HttpResponse {
  return { ...res, headers: viewerHeaders(ctx, res.headers, xCache), cache };
}

/** Forwards to the origin and waits at most CloudFront's origin response timeout. null means it timed out. */
function* fetchFromOrigin(ctx: SimContext, behaviour: CacheBehaviour, req: HttpRequest, extraHeaders: Record<string, string>): Task<HttpResponse | null> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const { origin } = behaviour;
  ctx.counters.originRequests += 1;
  const headers: Record<string, string> = {
    host: origin === 'alb' ? ALB_HOST : 'assets-bucket.s3.eu-central-1.amazonaws.com',
    'user-agent': 'Amazon CloudFront',
    via: `2.0 ${ctx.rng.hex(32)}.cloudfront.net (CloudFront)`,
    'x-amz-cf-id': ctx.rng.hex(40),
    'x-forwarded-for': req.headers['x-forwarded-for'] ?? '',
    ...(req.headers['idempotency-key'] ? { 'idempotency-key': req.headers['idempotency-key'] } : {}),
    ...extraHeaders,
  };
  const traceId = `Root=1-${ctx.rng.hex(8)}-${ctx.rng.hex(24)}`;
  const handler = origin === 'alb' ? (r: HttpRequest) => handleAlb(ctx, r, traceId) : (r: HttpRequest) => handleS3(ctx, r, behaviour.originCacheControl, behaviour.originChanged);
  const raced = yield* withDeadline(
    exchange(ctx, tag, 'edge', origin, req, handler, {
      tls: ctx.scenario.tls,
      alreadyOpen: ctx.scenario.connections === 'warm',
      requestHeaders: headers,
      requestNarration:
        origin === 'alb'
          ? 'The edge forwards the request to the origin, the load balancer, over HTTPS 443 on the AWS backbone.'
          : 'The edge fetches the file from the S3 bucket over HTTPS 443.',
      responseNarration: (res) => `The origin answers ${statusLine(res.status)} to the edge.`,
    }),
    ORIGIN_RESPONSE_TIMEOUT_MS,
  );
  if (raced.finished) return raced.value;
  note(ctx, tag, 'edge', {
    kind: 'timeout',
    narration: `The origin sent nothing for ${ORIGIN_RESPONSE_TIMEOUT_MS / 1000} s, CloudFront's origin response timeout: the edge gives up.`,
    decision: `origin response timeout ${ORIGIN_RESPONSE_TIMEOUT_MS} ms`,
  });
  return null;
}

function gatewayTimeout(): HttpResponse {
  return { status: 504, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' }, body: 'CloudFront: 504 Gateway Timeout', origin: 'edge' };
}

function cacheRequest(req: HttpRequest): { url: string; method: string; headers: Record<string, string> } {
  return { url: target(req), method: req.method, headers: { host: SITE_HOST } };
}

/** Stores the origin's answer when the behaviour caches, and says what was decided. */
function keep(ctx: SimContext, edge: EdgeState, tag: Tag, key: string, req: HttpRequest, res: HttpResponse): void {
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

function servedFromCache(ctx: SimContext, edge: EdgeState, entry: StoredObject, xCache: string, outcome: CacheOutcome): HttpResponse {
  return served(ctx, { status: entry.status, headers: edge.cache.servedHeaders(entry), body: entry.body, origin: 'edge' }, xCache, outcome);
}

export function* handleEdge(ctx: SimContext, edge: EdgeState, req: HttpRequest): Task<HttpResponse> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };

  const verdict = yield* inspect(ctx, req);
  if (verdict?.action === 'BLOCK') {
    return served(
      ctx,
      { status: 403, headers: { 'content-type': 'text/html', server: 'CloudFront' }, body: 'Request blocked.', origin: 'waf', blockedBy: 'waf' },
      'Error from cloudfront',
      'bypass',
    );
  }

  const behaviour = behaviourFor(edge, req.path);
  const cacheableMethod = req.method === 'GET' || req.method === 'HEAD';
  if (!behaviour.caching || !cacheableMethod) {
    note(ctx, tag, 'edge', {
      kind: 'cache-bypass',
      narration: !behaviour.caching
        ? `Caching is disabled for ${behaviour.pattern}, so the edge forwards every request to the origin.`
        : `CloudFront only caches GET and HEAD: a ${req.method} always goes to the origin${req.method === 'OPTIONS' ? '' : ' (and skips the regional edge cache)'}.`,
      decision: !behaviour.caching ? `behaviour ${behaviour.pattern}: CachingDisabled` : `${req.method} is not cached`,
    });
    const res = yield* fetchFromOrigin(ctx, behaviour, req, {});
    return served(ctx, res ?? gatewayTimeout(), res ? 'Miss from cloudfront' : 'Error from cloudfront', 'bypass');
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
        narration: `The edge cached the origin's ${entry.status} ${age} s ago and serves it again without asking the origin: errors are cached for ${entry.ttlSeconds} s by default.`,
        decision: `X-Cache: Error from cloudfront, Age: ${age}`,
      });
      return servedFromCache(ctx, edge, entry, 'Error from cloudfront', 'error');
    }
    ctx.counters.cacheHits += 1;
    note(ctx, tag, 'edge', {
      kind: 'cache-hit',
      narration: `The edge has a fresh copy (${age} s old, fresh for ${entry.ttlSeconds} s) and answers at once: the origin never hears of this request.`,
      decision: `X-Cache: Hit from cloudfront, Age: ${age}`,
      detail: { ageSeconds: age, ttlSeconds: entry.ttlSeconds },
    });
    return servedFromCache(ctx, edge, entry, 'Hit from cloudfront', 'hit');
  }

  if (entry && !entry.isError) {
    const age = Math.round(edge.cache.ageSeconds(entry));
    if (edge.cache.staleWhileRevalidateOk(entry)) {
      note(ctx, tag, 'edge', {
        kind: 'cache-stale',
        narration: `The copy is ${age} s old, past its ${entry.ttlSeconds} s, but stale-while-revalidate lets the edge serve it now and refresh it in the background.`,
        decision: `stale (Age ${age} > TTL ${entry.ttlSeconds}), stale-while-revalidate`,
      });
      const revalidateTag = { requestId: `${req.requestId}.bg`, attempt: 1 };
      yield* fork(
        (function* (): Task<void> {
          const res = yield* fetchFromOrigin(ctx, behaviour, { ...req, ...revalidateTag }, edge.cache.revalidationHeaders(entry, cacheRequest(req)));
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
      return servedFromCache(ctx, edge, entry, 'Hit from cloudfront', 'stale');
    }

    const validators = edge.cache.revalidationHeaders(entry, cacheRequest(req));
    const conditional = 'if-none-match' in validators || 'if-modified-since' in validators;
    note(ctx, tag, 'edge', {
      kind: 'cache-stale',
      narration: conditional
        ? `The edge's copy is ${age} s old, past its ${entry.ttlSeconds} s: it asks the origin whether it changed (If-None-Match ${validators['if-none-match'] ?? ''}).`
        : `The edge's copy is ${age} s old, past its ${entry.ttlSeconds} s, and has no validator: it fetches the object again.`,
      decision: `stale (Age ${age} > TTL ${entry.ttlSeconds}) → ${conditional ? 'revalidate' : 'refetch'}`,
    });
    const res = yield* fetchFromOrigin(ctx, behaviour, req, validators);
    if (res === null || res.status >= 500) {
      if (!edge.cache.mustRevalidate(entry)) {
        note(ctx, tag, 'edge', {
          kind: 'cache-stale',
          narration: 'The origin failed, so CloudFront serves the stale copy rather than an error.',
          decision: `origin ${res ? res.status : 'timeout'} → serve stale, Age ${Math.round(edge.cache.ageSeconds(entry))}`,
        });
        return servedFromCache(ctx, edge, entry, 'RefreshHit from cloudfront', 'stale');
      }
      note(ctx, tag, 'edge', {
        kind: 'cache-miss',
        narration: 'The origin failed and the copy says must-revalidate, so the edge may not serve it stale: the visitor gets the error.',
        decision: 'must-revalidate: no stale copy',
      });
      return served(ctx, res ?? gatewayTimeout(), 'Error from cloudfront', 'miss');
    }
    if (res.status === 304) {
      const { decision } = edge.cache.revalidated(key, entry, cacheRequest(req), { status: res.status, headers: res.headers }, res.body);
      const fresh = edge.cache.lookup(key) ?? entry;
      note(ctx, tag, 'edge', {
        kind: 'cache-revalidated',
        narration: `The origin says 304 Not Modified: the edge's copy is still right. It is fresh again for ${decision.ttlSeconds} s, and no body crossed the backbone.`,
        decision: 'X-Cache: RefreshHit from cloudfront',
      });
      return servedFromCache(ctx, edge, fresh, 'RefreshHit from cloudfront', 'revalidated');
    }
    keep(ctx, edge, tag, key, req, res);
    return served(ctx, res, 'Miss from cloudfront', 'miss');
  }

  note(ctx, tag, 'edge', {
    kind: 'cache-miss',
    narration: entry?.isError ? 'The cached error has expired, so the edge asks the origin again.' : 'The edge has no copy of this URL: a cache miss, so it asks the origin.',
    decision: 'X-Cache: Miss from cloudfront',
  });
  const res = yield* fetchFromOrigin(ctx, behaviour, req, {});
  const answer = res ?? gatewayTimeout();
  if (answer.status < 400 || answer.status >= 500) keep(ctx, edge, tag, key, req, answer);
  return served(ctx, answer, answer.status >= 500 ? 'Error from cloudfront' : 'Miss from cloudfront', 'miss');
}

