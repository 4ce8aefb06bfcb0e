/**
 * Whether a cache may answer with its expired copy when the origin failed (a 5xx, or no answer at all). Every tier
 * of CloudFront decides it the same way: an edge location, and the regional tier in front of the origin.
 */
import type { EdgeCache, StoredObject } from './edge-cache';

/**
 * Which rule decides:
 * - `must-revalidate` forbids serving it stale (RFC 9111 §5.2.2.2);
 * - `stale-if-error=N` allows it for N seconds past expiry, and no longer (RFC 5861 §4; beyond it, RFC 9111
 *   §4.2.4 forbids a stale answer the origin did not allow);
 * - without either, CloudFront's documented default: when the origin returns a 5xx or times out and an
 *   expired object is in the cache, CloudFront serves it (CloudFront Developer Guide, "How CloudFront processes
 *   HTTP 5xx status codes from your origin").
 */
export function staleOnError(cache: EdgeCache, entry: StoredObject): { serve: boolean; why: string } {
  if (cache.mustRevalidate(entry)) return { serve: false, why: 'the copy says must-revalidate, so it may not be served stale (RFC 9111 §5.2.2.2)' };
  const window = cache.staleIfErrorSeconds(entry);
  const staleFor = Math.round(cache.staleForSeconds(entry));
  if (window !== undefined) {
    return staleFor <= window
      ? { serve: true, why: `the copy is ${staleFor} s past expiry, inside its stale-if-error=${window} window (RFC 5861 §4)` }
      : { serve: false, why: `the copy is ${staleFor} s past expiry, beyond its stale-if-error=${window} window: the origin allowed no longer (RFC 5861 §4)` };
  }
  return { serve: true, why: 'CloudFront serves an expired copy when the origin fails, its documented default' };
}
