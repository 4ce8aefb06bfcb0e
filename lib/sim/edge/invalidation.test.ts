import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '@/lib/scenario/fields';
import { decodeLink } from '@/lib/scenario/url-codec';
import { EdgeCache } from '../cache/edge-cache';
import { cacheKey } from '../cache/keys';
import { invalidate, invalidates, parseInvalidationPaths, pathMatches } from './invalidation';

const paths = (text: string) => parseInvalidationPaths(text);
const matches = (path: string, url: string) => pathMatches(paths(path)[0]!, url);

describe('invalidation paths (CloudFront Developer Guide, "Invalidate files")', () => {
  it('read a trailing * as "anything from here on", the query string included', () => {
    expect(matches('/static/*', '/static/assets/7.js')).toBe(true);
    expect(matches('/static/*', '/static/')).toBe(true);
    expect(matches('/static/*', '/static')).toBe(false);
    expect(matches('/api/products/1*', '/api/products/1?q=running%20shoes')).toBe(true);
    expect(matches('/api/products/1*', '/api/products/17?q=x')).toBe(true);
    expect(matches('/api/products/1*', '/api/products/2?q=x')).toBe(false);
    expect(matches('/*', '/anything/at/all?x=1')).toBe(true);
  });

  it('match an exact path only exactly: a copy cached with a query string needs the query, or a *', () => {
    expect(matches('/api/products/1', '/api/products/1')).toBe(true);
    expect(matches('/api/products/1', '/api/products/1?q=running%20shoes')).toBe(false);
    expect(matches('/api/products/1', '/api/products/10')).toBe(false);
  });

  it('are case-sensitive', () => {
    expect(matches('/Static/*', '/static/assets/1.js')).toBe(false);
    expect(matches('/static/App.js', '/static/app.js')).toBe(false);
  });

  it('name an object by its cache key, host left out', () => {
    const key = cacheKey({ path: '/static/assets/3.js', query: '' });
    expect(invalidates(paths('/api/*,/static/assets/3.js'), key)).toBe(true);
    expect(invalidates(paths('/api/*'), key)).toBe(false);
  });

  it('are refused by a link when * is not at the end, a path does not start with /, or it is empty', () => {
    for (const bad of ['/static/*.js', 'static/*', '/a/**', '', '/a,,/b', '/a /b']) {
      const decoded = decodeLink(`invalidatePaths=${encodeURIComponent(bad)}`);
      expect(decoded.notices.map((n) => n.param), bad).toEqual(['invalidatePaths']);
      expect(decoded.notices[0]!.message).toContain('each start with / and may end with *');
      expect(decoded.scenario.cdn.invalidationPaths).toBe('/*');
    }
    expect(decodeLink('invalidatePaths=/static/*,/api/products/1*').scenario.cdn.invalidationPaths).toBe('/static/*,/api/products/1*');
  });

  it('default to /*, every object', () => {
    expect(decodeLink('').scenario.cdn.invalidationPaths).toBe('/*');
  });

  it('match as a prefix test does, for any URL and any prefix (seed 5)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._-]{0,8}$/);
    fc.assert(
      fc.property(segment, segment, fc.boolean(), (a, b, wildcard) => {
        const url = `/${a}${b}`;
        const path = `/${a}${wildcard ? '*' : ''}`;
        expect(FIELDS['cdn.invalidationPaths'].pattern!.test(path)).toBe(true);
        expect(matches(path, url)).toBe(wildcard || b === '');
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('an invalidation', () => {
  function cacheHolding(urls: readonly string[]): EdgeCache {
    const cache = new EdgeCache(() => 0, { minTtl: 0, defaultTtl: 86_400, maxTtl: 31_536_000 });
    for (const url of urls) {
      const [path, query = ''] = url.split('?') as [string, string?];
      cache.store(cacheKey({ path, query }), { url, method: 'GET', headers: {} }, { status: 200, headers: { 'cache-control': 'max-age=600' } }, 'body');
    }
    return cache;
  }

  it('drops what its paths name from every cache it reaches, and nothing else', () => {
    const edge = cacheHolding(['/api/products/1?q=a', '/api/products/12?q=a', '/api/products/2?q=a', '/static/assets/1.js']);
    const shield = cacheHolding(['/api/products/1?q=a', '/static/assets/1.js']);
    expect(invalidate([edge, shield], paths('/api/products/1*'))).toBe(3);
    expect(edge.size).toBe(2);
    expect(shield.size).toBe(1);
    expect(edge.lookup(cacheKey({ path: '/api/products/2', query: 'q=a' }))).toBeDefined();
    expect(shield.lookup(cacheKey({ path: '/static/assets/1.js', query: '' }))).toBeDefined();
  });

  it('of /* empties every cache', () => {
    const caches = [cacheHolding(['/a', '/b']), cacheHolding(['/c'])];
    expect(invalidate(caches, paths('/*'))).toBe(3);
    expect(caches.map((c) => c.size)).toEqual([0, 0]);
  });
});
