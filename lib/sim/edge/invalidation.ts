/**
 * CloudFront invalidation paths (CloudFront Developer Guide, "Invalidate files"): a path names one file, or ends in
 * `*`, which stands for any characters from there on, the query string included (`/images/*`, `/images/image*`,
 * `/*`); a `*` anywhere else is not a wildcard. Paths are case-sensitive: `/images/image.jpg` and `/images/Image.jpg`
 * are two files. When the cache key includes the query string, as here, an exact path matches only the copy without
 * one: `/api/products/1` leaves `/api/products/1?q=…` in place, and `/api/products/1*` takes both.
 *
 * An invalidation removes matching copies from every edge location and from the regional tier ("How CloudFront
 * works with regional edge caches": an invalidation removes an object from both).
 */
import type { EdgeCache } from '../cache/edge-cache';
import { SITE_HOST } from '../site';

export interface InvalidationPath {
  /** What the path says, as written. */
  readonly text: string;
  /** The path without its wildcard. */
  readonly prefix: string;
  /** Whether it ends in `*`: it matches every URL that starts with `prefix`. */
  readonly wildcard: boolean;
}

/** The paths of `cdn.invalidationPaths` (comma-separated, each checked by the field's pattern). */
export function parseInvalidationPaths(text: string): InvalidationPath[] {
  return text.split(',').map((path) => {
    const wildcard = path.endsWith('*');
    return { text: path, prefix: wildcard ? path.slice(0, -1) : path, wildcard };
  });
}

/** Whether a path names this URL (path and query string, as in the cache key): case-sensitive, `*` only at the end. */
export function pathMatches(path: InvalidationPath, url: string): boolean {
  return path.wildcard ? url.startsWith(path.prefix) : url === path.prefix;
}

/** Whether any of the paths names the object a cache key stands for. */
export function invalidates(paths: readonly InvalidationPath[], key: string): boolean {
  const url = key.startsWith(SITE_HOST) ? key.slice(SITE_HOST.length) : key;
  return paths.some((path) => pathMatches(path, url));
}

/** Removes what the paths name from each cache; returns how many copies went. */
export function invalidate(caches: readonly EdgeCache[], paths: readonly InvalidationPath[]): number {
  const everything = paths.some((path) => path.wildcard && path.prefix === '/');
  let dropped = 0;
  for (const cache of caches) {
    if (everything) {
      dropped += cache.size;
      cache.invalidateAll();
    } else {
      dropped += cache.invalidateWhere((key) => invalidates(paths, key));
    }
  }
  return dropped;
}
