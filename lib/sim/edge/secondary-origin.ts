/**
 * The secondary origin of an origin group (CloudFront Developer Guide, "Optimize high availability with CloudFront
 * origin failover"): a copy of the site in a second AWS Region that CloudFront turns to when the primary fails. For
 * /api/* it is a standby deployment with its own copy of the data; for /static/* a replica of the bucket.
 *
 * The diagram has no node for it, so its legs are drawn on the primary's link and node (the load balancer, the
 * bucket), with its own host name; it is assumed as far away as the primary. The standby is assumed healthy and
 * roomy: it answers every request after the app's handler time and one query, whatever happens to the primary.
 */
import { httpDate, work, type SimContext, type Tag } from '../context';
import type { HttpRequest, HttpResponse } from '../http';
import type { Task } from '../kernel/kernel';
import { CORS_HEADERS, etagFor, profileBody } from '../nodes/app';
import { handleS3 } from '../nodes/s3';

/** The secondary's Region: Ireland, a second European Region beside the primary's Frankfurt. *assumed* */
export const SECONDARY_REGION = 'eu-west-1';

/** Where CloudFront sends a request when it fails over, and how that origin answers. */
export interface SecondaryOrigin {
  readonly host: string;
  /** What the request leg says, after “The edge fails over to …”. */
  readonly narration: string;
  handle(ctx: SimContext, req: HttpRequest, cacheControl: string, changed: boolean): Task<HttpResponse>;
}

/** The standby API: the same handler and data, answered without the primary's pods, pool or faults. */
function* standbyApi(ctx: SimContext, req: HttpRequest, cacheControl: string): Task<HttpResponse> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const { latency, conditions } = ctx.world;
  yield* work(ctx, tag, 'alb', latency.appWorkMs + latency.dbQueryMs, {
    kind: 'handler',
    narration: () => `The standby deployment in ${SECONDARY_REGION} (drawn on the load balancer) runs the same handler against its own copy of the data.`,
    decision: () => `standby ${SECONDARY_REGION}: ${req.method} ${req.path}`,
  });
  const date = httpDate(ctx);
  if (req.method === 'OPTIONS') return { status: 204, headers: { date, ...CORS_HEADERS, 'cache-control': 'no-store' }, body: null, origin: 'alb' };
  // A replica of the data: the same version, so the same validator, as the primary would give.
  const etag = etagFor(1 + (conditions.contentChanged ? 1 : 0) + conditions.deploys);
  if (req.headers['if-none-match'] === etag) return { status: 304, headers: { date, etag, 'cache-control': cacheControl }, body: null, origin: 'alb' };
  const body = JSON.stringify(profileBody());
  return {
    status: 200,
    headers: { date, 'content-type': 'application/json', 'content-length': String(body.length), 'cache-control': cacheControl, etag },
    body: req.method === 'HEAD' ? null : body,
    origin: 'alb',
  };
}

/** The secondary for each of the behaviours' origins. */
export const SECONDARY_ORIGINS: Readonly<Record<'alb' | 's3', SecondaryOrigin>> = {
  alb: {
    host: `standby-api-alb-0987654321.${SECONDARY_REGION}.elb.amazonaws.com`,
    narration: `the secondary origin, a standby deployment in ${SECONDARY_REGION}`,
    handle: (ctx, req, cacheControl) => standbyApi(ctx, req, cacheControl),
  },
  s3: {
    host: `assets-bucket-replica.s3.${SECONDARY_REGION}.amazonaws.com`,
    narration: `the secondary origin, a replica of the bucket in ${SECONDARY_REGION}`,
    handle: (ctx, req, cacheControl, changed) => handleS3(ctx, req, cacheControl, changed),
  },
};
