/**
 * Origin Shield: a regional edge cache that CloudFront puts in front of the origin, in the origin's Region
 * (CloudFront Developer Guide, "Use Amazon CloudFront Origin Shield"). Every edge location that misses a cacheable
 * object asks it before the origin. It keeps its own copies, with the same rules as an edge location's (regional edge
 * caches have "feature parity with edge locations": "How CloudFront works with regional edge caches"), evicting the
 * least recently used when full, and it collapses simultaneous requests for an object into one origin request, so the
 * origin sees about one request per object however many edge locations miss it.
 *
 * POST, PUT, PATCH, DELETE and OPTIONS go from the edge location straight to the origin, and so do requests on a
 * behaviour that does not cache (same page: proxy methods and dynamic requests skip the regional edge caches).
 *
 * The diagram has no node for it yet: the edge location's wait for it is drawn at the edge, and the origin's legs
 * follow from there. The round trip edge location ↔ Origin Shield is a knob (*assumed*).
 */
import { note, span, type SimContext, type Tag } from '../context';
import { type EdgeCache, type StoredObject } from '../cache/edge-cache';
import { fetchShared, type InFlight } from '../cache/collapse';
import { cacheKey, cacheRequest } from '../cache/keys';
import { staleOnError } from '../cache/stale-on-error';
import { statusLine, target, type HttpRequest, type HttpResponse } from '../http';
import { waitFor, type Task } from '../kernel/kernel';
import { REGION } from '../site';

export interface OriginShield {
  readonly cache: EdgeCache;
  readonly inFlight: InFlight;
  /** Half the round trip between an edge location and Origin Shield. */
  readonly oneWayMs: number;
}

/** Whether a request goes through Origin Shield: a GET or HEAD on a behaviour that caches; anything else skips it. */
export function takesRequest(caching: boolean, req: HttpRequest): boolean {
  return caching && (req.method === 'GET' || req.method === 'HEAD');
}

/** The tier's answer from a copy it holds: 304 when the edge's own copy is that version (If-None-Match), else the copy. */
function fromCopy(shield: OriginShield, entry: StoredObject, edgeHeaders: Record<string, string>): HttpResponse {
  const headers = shield.cache.servedHeaders(entry);
  const sameVersion = entry.status === 200 && headers.etag !== undefined && edgeHeaders['if-none-match'] === headers.etag;
  return sameVersion ? { status: 304, headers, body: null, origin: 'edge' } : { status: entry.status, headers, body: entry.body, origin: 'edge' };
}

/** Keeps the origin's answer as an edge location would: not a HEAD's (no body), not a 4xx. */
function keep(ctx: SimContext, shield: OriginShield, tag: Tag, key: string, req: HttpRequest, res: HttpResponse): void {
  if (req.method === 'HEAD' || (res.status >= 400 && res.status < 500)) return;
  const decision = shield.cache.store(key, cacheRequest(req), { status: res.status, headers: res.headers }, res.body);
  note(ctx, tag, 'edge', {
    kind: 'cache-store',
    narration: () => (decision.store ? `Origin Shield keeps a copy for ${decision.ttlSeconds} s (${decision.reason}): other edge locations that miss it will get it from here.` : `Origin Shield does not keep a copy: ${decision.reason}.`),
    decision: () => (decision.store ? `Origin Shield: stored, TTL ${decision.ttlSeconds} s` : `Origin Shield: not stored (${decision.reason})`),
  });
}

/**
 * The edge location's request for an object it missed, through Origin Shield: the hop there, the tier's own cache or
 * the origin (`toOrigin`, with the headers to send), and the hop back. null when the origin never answered.
 */
export function* throughOriginShield(
  ctx: SimContext,
  shield: OriginShield,
  req: HttpRequest,
  edgeHeaders: Record<string, string>,
  toOrigin: (headers: Record<string, string>) => Task<HttpResponse | null>,
): Task<HttpResponse | null> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  yield* span(ctx, tag, 'edge', 'edge', shield.oneWayMs, {
    kind: 'origin-shield-request',
    narration: () => `The edge location passes the miss to Origin Shield, the regional edge cache in ${REGION} in front of the origin.`,
    decision: () => `${req.method} ${target(req)} → Origin Shield (${REGION})`,
  });
  const res = yield* atOriginShield(ctx, shield, tag, req, edgeHeaders, toOrigin);
  yield* span(ctx, tag, 'edge', 'edge', shield.oneWayMs, {
    kind: 'origin-shield-response',
    ...(res ? { status: res.status } : {}),
    narration: () => (res ? `Origin Shield hands ${statusLine(res.status)} back to the edge location.` : 'Origin Shield got no answer from the origin, and tells the edge location so.'),
    decision: () => (res ? `Origin Shield → edge: ${statusLine(res.status)}` : 'Origin Shield → edge: no answer'),
  });
  return res;
}

function* atOriginShield(
  ctx: SimContext,
  shield: OriginShield,
  tag: Tag,
  req: HttpRequest,
  edgeHeaders: Record<string, string>,
  toOrigin: (headers: Record<string, string>) => Task<HttpResponse | null>,
): Task<HttpResponse | null> {
  const { cache } = shield;
  const key = cacheKey(req);
  ctx.counters.originShieldLookups += 1;
  const entry = cache.lookup(key);

  if (entry && cache.isFresh(entry)) {
    if (!entry.isError) ctx.counters.originShieldHits += 1;
    note(ctx, tag, 'edge', {
      kind: entry.isError ? 'cache-error-hit' : 'cache-hit',
      ...(entry.isError ? { status: entry.status } : {}),
      narration: () =>
        entry.isError
          ? `Origin Shield cached the origin's ${entry.status} moments ago and hands it on: the origin is not asked again while the error is cached.`
          : `Origin Shield has a fresh copy (${Math.round(cache.ageSeconds(entry))} s old): the origin never hears of this miss.`,
      decision: entry.isError ? `Origin Shield: cached ${entry.status}` : 'Origin Shield: Hit (x-edge-detailed-result-type: OriginShieldHit)',
    });
    return fromCopy(shield, entry, edgeHeaders);
  }

  const stale = entry && !entry.isError ? entry : null;
  // As at an edge location: a copy that stood in for a failed origin moments ago is served again without asking.
  const standIn = stale && cache.originFailedRecently(stale) ? staleOnError(cache, stale) : null;
  if (stale && standIn?.serve) {
    note(ctx, tag, 'edge', {
      kind: 'cache-stale',
      narration: () => `The origin failed moments ago, so Origin Shield hands on its stale copy again without asking: ${standIn.why}.`,
      decision: 'Origin Shield: origin failed recently → serve stale',
    });
    return fromCopy(shield, stale, edgeHeaders);
  }
  const pending = shield.inFlight.get(key);
  if (pending) {
    note(ctx, tag, 'edge', {
      kind: stale ? 'cache-stale' : 'cache-miss',
      narration: 'Origin Shield is already fetching this object for another request: this one waits for that answer instead of asking the origin again.',
      decision: 'Origin Shield: collapsed into the origin request in flight',
    });
    const shared = yield* waitFor(pending);
    const now = cache.lookup(key);
    if (now && !now.isError && cache.isFresh(now)) return fromCopy(shield, now, edgeHeaders);
    if ((shared === null || shared.status >= 500) && stale && staleOnError(cache, stale).serve) return fromCopy(shield, stale, edgeHeaders);
    return shared;
  }

  note(ctx, tag, 'edge', {
    kind: stale ? 'cache-stale' : 'cache-miss',
    narration: stale ? 'Origin Shield holds only an expired copy: it asks the origin whether it changed.' : 'Origin Shield has no copy either: it asks the origin.',
    decision: stale ? 'Origin Shield: stale → revalidate' : 'Origin Shield: Miss',
  });
  // The tier revalidates its own copy with its own validators; without a copy, the edge's pass through.
  const forwarded = stale ? cache.revalidationHeaders(stale, cacheRequest(req)) : edgeHeaders;
  const res = yield* fetchShared(shield.inFlight, key, toOrigin(forwarded));

  if (res === null || res.status >= 500) {
    const rule = stale ? staleOnError(cache, stale) : null;
    if (stale && rule?.serve) {
      note(ctx, tag, 'edge', {
        kind: 'cache-stale',
        narration: () => `The origin failed, so Origin Shield hands on its expired copy rather than the error: ${rule.why}.`,
        decision: `Origin Shield: origin ${res ? res.status : 'timeout'} → serve stale`,
      });
      cache.stoodInForFailedOrigin(stale);
      return fromCopy(shield, stale, edgeHeaders);
    }
    if (res) keep(ctx, shield, tag, key, req, res);
    return res;
  }
  if (res.status === 304 && stale) {
    cache.revalidated(key, stale, cacheRequest(req), { status: res.status, headers: res.headers }, res.body);
    note(ctx, tag, 'edge', {
      kind: 'cache-revalidated',
      narration: 'The origin says 304 Not Modified: Origin Shield’s copy is fresh again.',
      decision: 'Origin Shield: 304, copy freshened',
    });
    return fromCopy(shield, cache.lookup(key) ?? stale, edgeHeaders);
  }
  // A 304 without a copy here answers the edge location's own conditional request: it passes through.
  if (res.status !== 304) keep(ctx, shield, tag, key, req, res);
  return res;
}
