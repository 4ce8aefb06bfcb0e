/**
 * How long CloudFront keeps an object, from the origin's headers and the cache policy's TTLs.
 * Source: Amazon CloudFront Developer Guide, "Manage how long content stays in the cache (expiration)",
 * and the CachePolicy API (MinTTL 0, DefaultTTL 86400 s, MaxTTL 31536000 s by default).
 *
 * - MinTTL = 0: `no-store` and `private` are honoured (not cached); `no-cache` is stored but revalidated
 *   before every reuse (a TTL of 0, RFC 9111 §5.2.2.4); `s-maxage`, else `max-age`, else `Expires − Date`,
 *   capped at MaxTTL; no caching header at all → DefaultTTL.
 * - MinTTL > 0: every response is cached for at least MinTTL, even `no-store`/`private`/`no-cache`;
 *   a header value is clamped to [MinTTL, MaxTTL].
 */
import { parseCacheControl, seconds } from './cache-control';

export interface TtlSettings {
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
}

export interface TtlDecision {
  store: boolean;
  ttlSeconds: number;
  /** Why, in the words the inspector shows. */
  reason: string;
}

export function cloudFrontTtl(headers: Record<string, string>, settings: TtlSettings): TtlDecision {
  const cc = parseCacheControl(headers['cache-control']);
  const { minTtl, defaultTtl, maxTtl } = settings;
  const clamp = (value: number): number => Math.min(maxTtl, Math.max(minTtl, value));

  if (minTtl === 0) {
    if (cc['no-store']) return { store: false, ttlSeconds: 0, reason: '`no-store`: CloudFront never stores it' };
    if (cc['private']) return { store: false, ttlSeconds: 0, reason: '`private`: a shared cache must not store it' };
    if (cc['no-cache']) return { store: true, ttlSeconds: 0, reason: '`no-cache`: stored, but revalidated before every reuse' };
  }

  // A max-age or s-maxage that is not a non-negative integer (`max-age=-1`, `max-age=soon`) makes the response
  // stale at once (RFC 9111 §4.2.1, §1.2.2): never "no header", which would keep it for a day.
  for (const name of ['s-maxage', 'max-age'] as const) {
    if (cc[name] !== undefined && seconds(cc, name) === undefined) {
      const ttl = clamp(0);
      return { store: true, ttlSeconds: ttl, reason: `invalid ${name} “${String(cc[name])}”: stale at once (RFC 9111 §4.2.1)${ttl > 0 ? `, then MinTTL=${minTtl}` : ''}` };
    }
  }
  const sMaxAge = seconds(cc, 's-maxage');
  if (sMaxAge !== undefined) return { store: true, ttlSeconds: clamp(sMaxAge), reason: `s-maxage=${sMaxAge}, clamped to MinTTL–MaxTTL` };
  const maxAge = seconds(cc, 'max-age');
  if (maxAge !== undefined) return { store: true, ttlSeconds: clamp(maxAge), reason: `max-age=${maxAge}, clamped to MinTTL–MaxTTL` };

  const expires = Date.parse(headers['expires'] ?? '');
  const date = Date.parse(headers['date'] ?? '');
  if (Number.isFinite(expires) && Number.isFinite(date)) {
    const delta = Math.max(0, Math.round((expires - date) / 1000));
    return { store: true, ttlSeconds: clamp(delta), reason: `Expires − Date = ${delta} s, clamped to MinTTL–MaxTTL` };
  }
  if (minTtl > 0 && (cc['no-store'] || cc['private'] || cc['no-cache'])) {
    return { store: true, ttlSeconds: minTtl, reason: `MinTTL=${minTtl} overrides no-store/private/no-cache` };
  }
  return { store: true, ttlSeconds: clamp(defaultTtl), reason: `no caching header: DefaultTTL=${defaultTtl} s` };
}
