/**
 * A map that holds at most `capacity` entries and, when full, evicts the one used least recently. A JavaScript
 * Map iterates in insertion order, so moving an entry to the end on every use keeps the least recent first:
 * each operation is O(1).
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  evictions = 0;

  constructor(readonly capacity: number = Infinity) {
    if (!(capacity >= 1)) throw new RangeError(`an LRU cache holds at least one entry, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry, now the most recently used; undefined if absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The entry without touching its recency. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Forgets every entry (an invalidation of `/*`). */
  clear(): void {
    this.entries.clear();
  }

  /** Forgets the entries whose key `drop` picks, and says how many went. O(size): for rare events, such as an invalidation. */
  deleteWhere(drop: (key: K) => boolean): number {
    let dropped = 0;
    // A Map's iterator goes on past an entry deleted under it (ECMAScript, "Map Iterator Objects").
    for (const key of this.entries.keys()) {
      if (drop(key)) {
        this.entries.delete(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  /** Stores the entry as the most recently used, evicting the least recently used if the cache is full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
      this.evictions += 1;
    }
  }
}
