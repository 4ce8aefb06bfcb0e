import { describe, expect, it } from 'vitest';
import { FallbackStore } from './fallback';

describe('a caller’s fallback', () => {
  it('always has its default', () => {
    expect(new FallbackStore('default', 60_000).choose('/api/products/1', 0)).toEqual({ serves: 'default', ageMs: null });
  });

  it('serves a kept answer while it is young enough (cache), or however old (stale), and nothing never kept', () => {
    const cache = new FallbackStore('cache', 60_000);
    const stale = new FallbackStore('stale', 60_000);
    for (const store of [cache, stale]) store.remember('/api/products/1', 1_000);
    expect(cache.choose('/api/products/1', 61_000)).toEqual({ serves: 'cache', ageMs: 60_000 });
    expect(cache.choose('/api/products/1', 61_001)).toEqual({ serves: null, why: "the kept answer is 60 s old, past the cache's 60 s" });
    expect(stale.choose('/api/products/1', 3_601_000)).toEqual({ serves: 'stale', ageMs: 3_600_000 });
    expect(stale.choose('/api/products/2', 0)).toEqual({ serves: null, why: 'no earlier answer is kept for it' });
  });
});
