/**
 * Turns the scenario's starting conditions into the edge's actual starting state. The learner says
 * "the edge holds a fresh copy"; this stores one as the origin would have sent it, and the cache rules
 * decide whether such a copy can exist at all (a `no-store` response never could).
 */
import type { EdgeCache } from './cache/edge-cache';
import { cloudFrontTtl } from './cache/cloudfront-ttl';
import { note, SIM_EPOCH_MS, type SimContext } from './context';
import { ASSET_CACHE_CONTROL } from './nodes/s3';
import { etagFor, profileBody } from './nodes/app';
import { buildRequest, singleRequestSpec } from './nodes/browser';
import { cacheKey } from './cache/keys';
import { ALL_METHODS, READ_METHODS, type CacheBehaviour, type EdgeState } from './nodes/edge';
import { PROFILE_PICTURE_PATH, SITE_HOST } from './site';

/** A stale copy in the scenario expired this long ago. */
export const STALE_BY_SECONDS = 15;
/** The profile picture every visitor loads was stored an hour ago, so it is a fresh hit. */
const ASSET_STORED_SECONDS_AGO = 3600;

function seedObject(cache: EdgeCache, path: string, query: string, headers: Record<string, string>, body: string, ageSeconds: number): void {
  const storedAt = SIM_EPOCH_MS - ageSeconds * 1000;
  const stored = { ...headers, date: new Date(storedAt).toUTCString() };
  cache.seed(cacheKey({ path, query }), { url: query ? `${path}?${query}` : path, method: 'GET', headers: { host: SITE_HOST } }, { status: 200, headers: stored }, body, storedAt);
}

/**
 * The edge's behaviours, and its cache in the state the scenario says. The cache settings apply to the kind of
 * request the scenario makes (to both in a traffic mix, where the static files keep their own day-long
 * Cache-Control). `startingCopies` false leaves the cache empty: a traffic run warms it with its own requests.
 */
export function createEdge(ctx: SimContext, startingCopies = true, location = 0): EdgeState {
  const { cache: cacheSettings, request, distribution } = ctx.world;
  // Each edge location has its own cache and its own servers' name in Via; a single run meets the first.
  const cache = distribution.locations[location]!;
  const viaHost = location === 0 ? ctx.cosmeticHex(32, 'via') : ctx.cosmeticHex(32, 'via', location);
  const behaviours: CacheBehaviour[] = [
    {
      pattern: '/api/*',
      origin: 'alb',
      caching: request.kind === 'static' ? true : cacheSettings.state !== 'off',
      originCacheControl: cacheSettings.cacheControl,
      originChanged: request.kind === 'api' && cacheSettings.changed,
      // The API takes writes, so its behaviour forwards all seven methods.
      allowedMethods: ALL_METHODS,
    },
    {
      pattern: '/static/*',
      origin: 's3',
      caching: request.kind === 'api' ? true : cacheSettings.state !== 'off',
      originCacheControl: request.kind === 'static' ? cacheSettings.cacheControl : ASSET_CACHE_CONTROL,
      originChanged: request.kind === 'static' && cacheSettings.changed,
      // CloudFront's default: GET and HEAD only, so S3 never sees a write.
      allowedMethods: READ_METHODS,
    },
  ];

  if (!startingCopies) return { cache, behaviours, viaHost, inFlight: new Map() };
  if (request.kind === 'api') {
    seedObject(cache, PROFILE_PICTURE_PATH, '', { 'cache-control': ASSET_CACHE_CONTROL, 'content-type': 'image/png', etag: '"0f343b0931126a20f133d67c2b018a3b"' }, '(image/png bytes)', ASSET_STORED_SECONDS_AGO);
  }

  if (cacheSettings.state === 'fresh' || cacheSettings.state === 'stale') {
    const req = buildRequest(singleRequestSpec(request), 'setup');
    const headers: Record<string, string> = {
      'cache-control': cacheSettings.cacheControl,
      'content-type': request.kind === 'api' ? 'application/json' : 'text/javascript',
      etag: request.kind === 'api' ? etagFor(1) : '"0f343b0931126a20f133d67c2b018a3b"',
    };
    const ttl = cloudFrontTtl(headers, cacheSettings);
    const tag = { requestId: 'setup', attempt: 1 };
    if (!ttl.store) {
      note(ctx, tag, 'edge', {
        kind: 'cache-store',
        narration: () => `The edge cannot be holding a copy: the origin sends ${cacheSettings.cacheControl}, and ${ttl.reason}. The cache starts empty.`,
        decision: `starting state: empty (${ttl.reason})`,
      });
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      const canBeFresh = ttl.ttlSeconds > 1;
      const fresh = cacheSettings.state === 'fresh' && canBeFresh;
      const ageSeconds = fresh ? ctx.random.setup.int(1, Math.min(ttl.ttlSeconds - 1, 3600)) : ttl.ttlSeconds + STALE_BY_SECONDS;
      seedObject(cache, req.path, req.query, headers, request.kind === 'api' ? JSON.stringify(profileBody()) : '(text/javascript bytes)', ageSeconds);
      note(ctx, tag, 'edge', {
        kind: 'cache-store',
        narration: () =>
          cacheSettings.state === 'fresh' && !canBeFresh
            ? `A copy with a TTL of ${ttl.ttlSeconds} s is never fresh for long: the edge's copy is already stale.`
            : `The edge holds a copy of this URL stored ${ageSeconds} s ago; its TTL is ${ttl.ttlSeconds} s (${ttl.reason}).`,
        decision: `starting state: copy stored ${ageSeconds} s ago, TTL ${ttl.ttlSeconds} s`,
      });
    }
  }
  return { cache, behaviours, viaHost, inFlight: new Map() };
}
