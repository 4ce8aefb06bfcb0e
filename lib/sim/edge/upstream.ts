/**
 * What lies between an edge location's cache and the origin, in the order a request meets it: Origin Shield, for
 * cacheable requests ("Use Amazon CloudFront Origin Shield"); the origin group, which tries the primary and, when it
 * fails, the secondary ("Optimize high availability with CloudFront origin failover"); and around each origin try,
 * the Lambda@Edge functions on the origin request and the origin response ("CloudFront events that can trigger a
 * Lambda@Edge function"). Behind Origin Shield those run in its Region ("Use Amazon CloudFront Origin Shield",
 * Origin Shield and Lambda@Edge), only when it misses: a request it answers never reaches the origin.
 */
import type { Tag, SimContext } from '../context';
import type { HttpRequest, HttpResponse } from '../http';
import type { Task } from '../kernel/kernel';
import { runEdgeFunction, type EdgeFunctions } from './edge-functions';
import { throughOriginGroup } from './origin-group';
import { takesRequest, throughOriginShield } from './origin-shield';
import { SECONDARY_ORIGINS, type SecondaryOrigin } from './secondary-origin';

/** One origin fetch as the edge location makes it: to the behaviour's origin, or to a secondary; with these headers. */
export type OriginFetch = (secondary: SecondaryOrigin | null, headers: Record<string, string>) => Task<HttpResponse | null>;

/** An origin try wrapped in the origin-request and origin-response functions, where there are any. */
function* withOriginFunctions(ctx: SimContext, req: HttpRequest, functions: EdgeFunctions | null, fetch: Task<HttpResponse | null>): Task<HttpResponse | null> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const before = functions?.['origin-request'];
  const after = functions?.['origin-response'];
  if (before) yield* runEdgeFunction(ctx, tag, before);
  const res = yield* fetch;
  // It runs on every answer the origin gives, errors included; there is none to run on when the origin never answered.
  if (res && after) yield* runEdgeFunction(ctx, tag, after);
  return res;
}

/**
 * The origin request for `req`, on a behaviour that caches or not, to `origin`: through Origin Shield, the origin
 * group and the origin functions as the distribution has them. null when no origin answered.
 */
export function* viaDistribution(
  ctx: SimContext,
  caching: boolean,
  origin: 'alb' | 's3',
  req: HttpRequest,
  headers: Record<string, string>,
  fetchFrom: OriginFetch,
): Task<HttpResponse | null> {
  const { originShield, failover, functions } = ctx.world.distribution;
  const tryOrigin = (secondary: SecondaryOrigin | null, forwarded: Record<string, string>) => withOriginFunctions(ctx, req, functions, fetchFrom(secondary, forwarded));
  const toOrigin = (forwarded: Record<string, string>) =>
    failover
      ? throughOriginGroup(ctx, failover, req, () => tryOrigin(null, forwarded), () => tryOrigin(SECONDARY_ORIGINS[origin], forwarded))
      : tryOrigin(null, forwarded);
  if (originShield && takesRequest(caching, req)) return yield* throughOriginShield(ctx, originShield, req, headers, toOrigin);
  return yield* toOrigin(headers);
}
