import fc from 'fast-check';
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

  it('agrees with a plain list kept in order of use, for any sequence of operations', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('peek' as const), key: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 7 }), value: fc.integer() }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const lru = new Lru<number, number>(capacity);
        // The reference: most recently used first.
        let model: [number, number][] = [];
        let evictions = 0;
        for (const o of ops) {
          if (o.kind === 'clear') {
            lru.clear();
            model = [];
            continue;
          }
          const at = model.findIndex(([k]) => k === o.key);
          if (o.kind === 'get') {
            const expected = at < 0 ? undefined : model[at]![1];
            if (at >= 0) model.unshift(...model.splice(at, 1));
            expect(lru.get(o.key)).toBe(expected);
          } else if (o.kind === 'peek') {
            expect(lru.peek(o.key)).toBe(at < 0 ? undefined : model[at]![1]);
          } else if (o.kind === 'delete') {
            if (at >= 0) model.splice(at, 1);
            expect(lru.delete(o.key)).toBe(at >= 0);
          } else {
            if (at >= 0) model.splice(at, 1);
            model.unshift([o.key, o.value]);
            if (model.length > capacity) {
              model.pop();
              evictions += 1;
            }
            lru.set(o.key, o.value);
          }
          expect([...lru.keys()]).toEqual(model.map(([k]) => k));
          expect(lru.size).toBe(model.length);
        }
        expect(lru.evictions).toBe(evictions);
      }),
      { seed: 8, numRuns: 300 },
    );
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
