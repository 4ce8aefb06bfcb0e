/**
 * The edge location's cache. RFC 9111 bookkeeping (storability, Age, validators, merging a 304) is done by
 * `http-cache-semantics`, whose clock is its overridable `now()`: here it reads simulated time.
 * How long CloudFront keeps an object follows CloudFront's own rules (cloudfront-ttl.ts), which differ from
 * a plain RFC cache (a DefaultTTL when the origin sends no header, MinTTL overriding no-store).
 */
import CachePolicy from 'http-cache-semantics';
import { cloudFrontTtl, type TtlDecision, type TtlSettings } from './cloudfront-ttl';
import { parseCacheControl, seconds, type Directives } from './cache-control';
import { Lru } from './lru';

export interface StoredObject {
  policy: CachePolicy;
  status: number;
  body: string | null;
  /** How long CloudFront treats it as fresh. */
  ttlSeconds: number;
  /** An error response kept for the error-caching minimum TTL. */
  isError: boolean;
  /** The stored response's Cache-Control, read once when it is stored: every later use of the copy asks. */
  directives: Directives;
  /** The stored response's headers as they were stored, without the Age a served copy carries. */
  headers: Record<string, string>;
  /** When the origin last failed while this expired copy stood in for it (simulated epoch ms). */
  originFailedAtMs?: number;
}

export interface CacheRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export interface CacheResponse {
  status: number;
  headers: Record<string, string>;
}

/**
 * CloudFront caches 5xx responses from the origin for 10 s by default (the error caching minimum TTL),
 * so a burst of retries does not hammer a failing origin. Source: CloudFront Developer Guide,
 * "How CloudFront processes HTTP 4xx and 5xx status codes from your origin".
 */
export const ERROR_CACHING_MIN_TTL_SECONDS = 10;
const CACHED_ERROR_STATUSES = new Set([500, 502, 503, 504]);

/** The Cache-Control of a stored response, as the cache will send it: a 304 may have merged in a new one (RFC 9111 §4.3.4). */
function directivesOf(policy: CachePolicy): Directives {
  return parseCacheControl(policy.responseHeaders()['cache-control'] as string | undefined);
}

export class EdgeCache {
  private readonly entries: Lru<string, StoredObject>;
  private readonly Policy: new (req: CacheRequest, res: CacheResponse, options: CachePolicy.Options) => CachePolicy;
  private frozenClock: number | null = null;
  private readonly now: () => number;

  /**
   * `clock` returns the simulated time as epoch milliseconds. `capacity` bounds how many objects the edge holds,
   * evicting the least recently used (CloudFront evicts less popular objects when a location's cache fills:
   * Developer Guide, "Managing how long content stays in the cache (expiration)"); one request never fills it.
   */
  constructor(
    clock: () => number,
    private readonly settings: TtlSettings,
    capacity = Infinity,
  ) {
    this.entries = new Lru(capacity);
    const read = (): number => this.frozenClock ?? clock();
    this.now = read;
    this.Policy = class SimulatedClockPolicy extends CachePolicy {
      // Not in the type declarations, but the library documents now() as the method to replace for testing.
      now(): number {
        return read();
      }
    };
  }

  /** Drops every copy, as an invalidation of `/*` does once it reaches this edge location. */
  invalidateAll(): void {
    this.entries.clear();
  }

  /** Drops the copies whose cache key `matches` picks (an invalidation of some paths); returns how many. */
  invalidateWhere(matches: (key: string) => boolean): number {
    return this.entries.deleteWhere(matches);
  }

  /** How many objects the cache holds now. */
  get size(): number {
    return this.entries.size;
  }

  lookup(key: string): StoredObject | undefined {
    return this.entries.get(key);
  }

  /** Age in seconds, as the `Age` header will say (RFC 9111 §4.2.3). */
  ageSeconds(entry: StoredObject): number {
    return entry.policy.age();
  }

  isFresh(entry: StoredObject): boolean {
    return this.ageSeconds(entry) < entry.ttlSeconds;
  }

  /** The `stale-while-revalidate` window (RFC 5861 §3), honoured by CloudFront since 2023. */
  staleWhileRevalidateOk(entry: StoredObject): boolean {
    const swr = seconds(entry.directives, 'stale-while-revalidate');
    return swr !== undefined && this.ageSeconds(entry) < entry.ttlSeconds + swr;
  }

  /** The `stale-if-error` window in seconds (RFC 5861 §4), or undefined when the origin sent none. */
  staleIfErrorSeconds(entry: StoredObject): number | undefined {
    return seconds(entry.directives, 'stale-if-error');
  }

  /** How long past its freshness lifetime the object is, in seconds. */
  staleForSeconds(entry: StoredObject): number {
    return Math.max(0, this.ageSeconds(entry) - entry.ttlSeconds);
  }

  /**
   * The origin failed and this expired copy was served instead. For the error caching minimum TTL CloudFront goes on
   * serving it without asking the origin again, then tries the origin once more (CloudFront Developer Guide, "How
   * CloudFront processes HTTP 5xx status codes from your origin").
   */
  stoodInForFailedOrigin(entry: StoredObject): void {
    entry.originFailedAtMs = this.now();
  }

  /** Whether the origin failed less than the error caching minimum TTL ago while this copy stood in. */
  originFailedRecently(entry: StoredObject): boolean {
    return entry.originFailedAtMs !== undefined && this.now() - entry.originFailedAtMs < ERROR_CACHING_MIN_TTL_SECONDS * 1000;
  }

  /** `must-revalidate` forbids serving the object stale, even when the origin is down (RFC 9111 §5.2.2.2). */
  mustRevalidate(entry: StoredObject): boolean {
    return Boolean(entry.directives['must-revalidate'] || entry.directives['proxy-revalidate']);
  }

  /** Decides whether and for how long to keep a response, and keeps it. */
  store(key: string, req: CacheRequest, res: CacheResponse, body: string | null): TtlDecision {
    if (CACHED_ERROR_STATUSES.has(res.status)) {
      const policy = new this.Policy(req, res, { shared: true });
      this.entries.set(key, { policy, status: res.status, body, ttlSeconds: ERROR_CACHING_MIN_TTL_SECONDS, isError: true, directives: directivesOf(policy), headers: res.headers });
      return { store: true, ttlSeconds: ERROR_CACHING_MIN_TTL_SECONDS, reason: `error caching minimum TTL: ${ERROR_CACHING_MIN_TTL_SECONDS} s` };
    }
    const policy = new this.Policy(req, res, { shared: true });
    const decision = this.decide(policy, res.headers);
    if (decision.store) {
      this.entries.set(key, { policy, status: res.status, body, ttlSeconds: decision.ttlSeconds, isError: false, directives: directivesOf(policy), headers: res.headers });
    }
    return decision;
  }

  /** Puts an object in the cache as if it had been stored `ageMs` ago (the scenario's starting state). */
  seed(key: string, req: CacheRequest, res: CacheResponse, body: string | null, storedAtEpochMs: number): TtlDecision {
    this.frozenClock = storedAtEpochMs;
    try {
      return this.store(key, req, res, body);
    } finally {
      this.frozenClock = null;
    }
  }

  /** Headers for a conditional request (If-None-Match / If-Modified-Since), RFC 9111 §4.3.1. */
  revalidationHeaders(entry: StoredObject, req: CacheRequest): Record<string, string> {
    return entry.policy.revalidationHeaders(req) as Record<string, string>;
  }

  /** A 304 freshens the stored object; a 200 replaces it (RFC 9111 §4.3.4). Returns whether the stored body is still valid. */
  revalidated(key: string, entry: StoredObject, req: CacheRequest, res: CacheResponse, body: string | null): { modified: boolean; decision: TtlDecision } {
    const { policy, modified } = entry.policy.revalidatedPolicy(req, res);
    if (modified) return { modified, decision: this.store(key, req, res, body) };
    const headers = policy.responseHeaders() as Record<string, string>;
    const decision = this.decide(policy, headers);
    // The origin answered, so whatever failure the copy stood in for is over.
    this.entries.set(key, { ...entry, policy, ttlSeconds: decision.ttlSeconds, directives: directivesOf(policy), headers, originFailedAtMs: undefined });
    return { modified, decision };
  }

  /** Headers as the edge sends a stored object: hop-by-hop headers removed, `Age` updated. */
  servedHeaders(entry: StoredObject): Record<string, string> {
    return entry.policy.responseHeaders() as Record<string, string>;
  }

  /** `policy` reads the response as RFC 9111 does; CloudFront's rules read its headers. */
  private decide(policy: CachePolicy, headers: Record<string, string>): TtlDecision {
    // With MinTTL = 0 CloudFront honours what RFC 9111 forbids a shared cache to store
    // (no-store, private, a request with Authorization).
    if (this.settings.minTtl === 0 && !policy.storable()) {
      const ttl = cloudFrontTtl(headers, this.settings);
      return { store: false, ttlSeconds: 0, reason: ttl.store ? 'not storable by a shared cache (RFC 9111 §3)' : ttl.reason };
    }
    return cloudFrontTtl(headers, this.settings);
  }
}
