import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('the LRU cache', () => {
  it('evicts the entry used least recently, where a read counts as a use and a peek does not', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.peek('a'), lru.peek('b'), lru.peek('c')]).toEqual([1, undefined, 3]);
    expect(lru.peek('a')).toBe(1);
    lru.set('d', 4);
    expect([lru.peek('a'), lru.peek('c'), lru.peek('d')]).toEqual([undefined, 3, 4]);
    expect([lru.size, lru.evictions]).toEqual([2, 2]);
  });

  it('replaces a value in place without evicting, and refuses a capacity below one', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('a', 10);
    expect([lru.get('a'), lru.get('b'), lru.evictions]).toEqual([10, 2, 0]);
    expect(() => new Lru(0)).toThrow(RangeError);
    expect(new Lru<string, number>().capacity).toBe(Infinity);
  });

  it('forgets the entries a test picks, keeps the others in their order of use, and says how many went', () => {
    const lru = new Lru<string, number>(3);
    lru.set('a1', 1);
    lru.set('b', 2);
    lru.set('a2', 3);
    expect(lru.deleteWhere((key) => key.startsWith('a'))).toBe(2);
    expect([lru.size, lru.peek('b'), lru.evictions]).toEqual([1, 2, 0]);
    lru.set('c', 4);
    lru.set('d', 5);
    lru.set('e', 6);
    expect([lru.peek('b'), lru.peek('c'), lru.peek('d'), lru.peek('e')]).toEqual([undefined, 4, 5, 6]);
  });
});
