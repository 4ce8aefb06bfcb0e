/**
 * How every CloudFront cache tier names and describes what it stores: the key is the host and the URL (path and
 * query string), and a stored GET answers a HEAD that shares its key (RFC 9111 §4).
 */
import { target, type HttpRequest } from '../http';
import { SITE_HOST } from '../site';
import type { CacheRequest } from './edge-cache';

/** Paths whose keys are kept (`cacheKey`), far more than a traffic run's distinct URLs; past it the memo starts again. */
const PATHS_KEPT = 100_000;
const keysByPath = new Map<string, Map<string, string>>();

/**
 * The key, made once per path and query and kept: a traffic run looks the same few thousand URLs up hundreds of
 * thousands of times, at every tier, and a key built anew each time is a new string that each map must hash in
 * full. A kept one carries its hash (V8 stores it in the string).
 */
export function cacheKey(req: Pick<HttpRequest, 'path' | 'query'>): string {
  let byQuery = keysByPath.get(req.path);
  if (byQuery === undefined) {
    if (keysByPath.size >= PATHS_KEPT) keysByPath.clear();
    keysByPath.set(req.path, (byQuery = new Map()));
  }
  let key = byQuery.get(req.query);
  if (key === undefined) byQuery.set(req.query, (key = `${SITE_HOST}${target(req as HttpRequest)}`));
  return key;
}

/** The request a stored answer is kept under. */
export function cacheRequest(req: HttpRequest): CacheRequest {
  // HEAD shares GET's cache key: a stored GET answers both (RFC 9111 §4).
  return { url: target(req), method: 'GET', headers: { host: SITE_HOST } };
}
