/**
 * How every CloudFront cache tier names and describes what it stores: the key is the host and the URL (path and
 * query string), and a stored GET answers a HEAD that shares its key (RFC 9111 §4).
 */
import { target, type HttpRequest } from '../http';
import { SITE_HOST } from '../site';
import type { CacheRequest } from './edge-cache';

export function cacheKey(req: Pick<HttpRequest, 'path' | 'query'>): string {
  return `${SITE_HOST}${target(req as HttpRequest)}`;
}

/** The request a stored answer is kept under. */
export function cacheRequest(req: HttpRequest): CacheRequest {
  // HEAD shares GET's cache key: a stored GET answers both (RFC 9111 §4).
  return { url: target(req), method: 'GET', headers: { host: SITE_HOST } };
}
