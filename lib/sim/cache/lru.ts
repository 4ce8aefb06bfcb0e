/**
 * A map that holds at most `capacity` entries and, when full, evicts the one used least recently.
 *
 * Entries sit on a doubly linked list, most recently used first, with a Map from key to node: a hit moves its
 * node to the front by relinking two neighbours, and never adds or removes a Map entry. (Re-inserting into the Map
 * on every hit, the other common way, leaves a deleted slot behind each time and makes the Map rehash under a
 * stream of hits.) Every operation is O(1).
 */
interface Node<K, V> {
  key: K;
  value: V;
  newer: Node<K, V> | null;
  older: Node<K, V> | null;
}

export class Lru<K, V> {
  private readonly nodes = new Map<K, Node<K, V>>();
  private newest: Node<K, V> | null = null;
  private oldest: Node<K, V> | null = null;
  evictions = 0;

  constructor(readonly capacity: number = Infinity) {
    if (!(capacity >= 1)) throw new RangeError(`an LRU cache holds at least one entry, not ${capacity}`);
  }

  get size(): number {
    return this.nodes.size;
  }

  /** The entry, now the most recently used; undefined if absent. */
  get(key: K): V | undefined {
    const node = this.nodes.get(key);
    if (node === undefined) return undefined;
    this.toFront(node);
    return node.value;
  }

  /** The entry without touching its recency. */
  peek(key: K): V | undefined {
    return this.nodes.get(key)?.value;
  }

  /** Keys from the most recently used to the least. */
  *keys(): IterableIterator<K> {
    for (let node = this.newest; node; node = node.older) yield node.key;
  }

  /** Forgets one entry; false if it was not there. */
  delete(key: K): boolean {
    const node = this.nodes.get(key);
    if (node === undefined) return false;
    this.unlink(node);
    this.nodes.delete(key);
    return true;
  }

  /** Forgets every entry (an invalidation of `/*`). */
  clear(): void {
    this.nodes.clear();
    this.newest = this.oldest = null;
  }

  /** Forgets the entries whose key `drop` picks, and says how many went. O(size): for rare events, such as an invalidation. */
  deleteWhere(drop: (key: K) => boolean): number {
    let dropped = 0;
    for (let node = this.newest; node; ) {
      const older: Node<K, V> | null = node.older;
      if (drop(node.key)) {
        this.unlink(node);
        this.nodes.delete(node.key);
        dropped += 1;
      }
      node = older;
    }
    return dropped;
  }

  /** Stores the entry as the most recently used, evicting the least recently used if the cache is full. */
  set(key: K, value: V): void {
    const known = this.nodes.get(key);
    if (known !== undefined) {
      known.value = value;
      this.toFront(known);
      return;
    }
    const node: Node<K, V> = { key, value, newer: null, older: null };
    this.nodes.set(key, node);
    this.linkFront(node);
    if (this.nodes.size > this.capacity) {
      const evicted = this.oldest!;
      this.unlink(evicted);
      this.nodes.delete(evicted.key);
      this.evictions += 1;
    }
  }

  private toFront(node: Node<K, V>): void {
    if (node === this.newest) return;
    this.unlink(node);
    this.linkFront(node);
  }

  private linkFront(node: Node<K, V>): void {
    node.newer = null;
    node.older = this.newest;
    if (this.newest) this.newest.newer = node;
    this.newest = node;
    if (!this.oldest) this.oldest = node;
  }

  private unlink(node: Node<K, V>): void {
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    node.newer = node.older = null;
  }
}
