/**
 * The static origin: an S3 bucket behind CloudFront (origin access control), for /static/*.
 */
import { httpDate, work, type SimContext, type Tag } from '../context';
import type { HttpRequest, HttpResponse } from '../http';
import type { Task } from '../kernel/kernel';

/** Time S3 takes to start sending a small object. *assumed* */
const S3_FIRST_BYTE_MS = 15;

export const ASSET_CACHE_CONTROL = 'public, max-age=86400';

/** S3's ETag is the MD5 of the object's bytes (Amazon S3 API Reference, "Common Response Headers"): each version has its own. */
function etagFor(ctx: SimContext, path: string, version: number): string {
  if (version === 1) return '"0f343b0931126a20f133d67c2b018a3b"';
  if (version === 2) return '"9b2cf535f27731c974343645a3985328"';
  return `"${ctx.cosmeticHex(32, 's3-etag', path, version)}"`;
}

export function* handleS3(ctx: SimContext, req: HttpRequest, cacheControl: string, changed: boolean): Task<HttpResponse> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const etag = etagFor(ctx, req.path, 1 + (changed ? 1 : 0) + ctx.world.conditions.deploys);
  yield* work(ctx, tag, 's3', S3_FIRST_BYTE_MS, {
    kind: 'route',
    narration: () => `S3 finds the object ${req.path.replace(/^\//, '')} in the bucket and starts sending it.`,
    decision: `GetObject ${req.path}`,
  });
  if (req.headers['if-none-match'] === etag) {
    return { status: 304, headers: { date: httpDate(ctx), etag, 'cache-control': cacheControl }, body: null, origin: 's3' };
  }
  const type = req.path.endsWith('.png') ? 'image/png' : 'text/javascript';
  return { status: 200, headers: { date: httpDate(ctx), 'content-type': type, 'cache-control': cacheControl, etag }, body: `(${type} bytes)`, origin: 's3' };
}
