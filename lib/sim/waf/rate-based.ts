/**
 * A rate-based rule's counting, per client address, the way AWS WAF documents it:
 * - it counts the requests of each aggregation instance (here, each source address: `AggregateKeyType: IP`) over an
 *   evaluation window of 60, 120, 300 or 600 s, looking back from the moment it checks (Developer Guide, "Rate-based
 *   rule high-level settings");
 * - it checks periodically, "about every 10 seconds" (API Reference, RateBasedStatement: EvaluationWindowSec), so
 *   rate limiting starts, and stops, some seconds after the rate crosses the limit ("Rate-based rule caveats": the
 *   delay is usually below 30 s), and is approximate;
 * - it applies its action to requests from an address whose count is over the limit (Developer Guide, "Applying rate
 *   limiting to requests").
 *
 * The documented approximation, made deterministic: time is cut into 10 s stretches. At the start of each (a check)
 * an address's count is the requests it sent in the stretches that fill the window before that moment, and whether
 * it is over the limit holds until the next check. AWS also weighs recent requests more; this model does not.
 *
 * Cost: each request is O(1): one map look-up and an update. Each address has a record with its total over the
 * window; each stretch keeps a list of the records that sent in it, with their counts there. When a stretch leaves
 * the window its counts are taken off their records' totals, and a record whose total reaches zero is forgotten
 * (it has no count left in any stretch, so no list still points at it). Every entry is made by a request and
 * removed once, so the work is amortised O(1), and memory is bounded by the requests of one window (and by the
 * addresses there are).
 */
import type { Address } from '../clients';

/** AWS WAF checks a rate-based rule's rates about every 10 seconds (API Reference, RateBasedStatement: EvaluationWindowSec). */
export const RATE_CHECK_INTERVAL_MS = 10_000;

interface AddressCount {
  address: Address;
  /** Requests in the window's stretches and the current one. */
  total: number;
  /** The check (stretch number) `over` and `counted` were worked out at. */
  checkedAt: number;
  /** Requests in the window at that check. */
  counted: number;
  over: boolean;
  /** The latest stretch this address sent in, and where its count there sits in that stretch's list. */
  lastStretch: number;
  lastEntry: number;
}

/** One stretch: the records that sent in it and how many requests each sent, in step. */
interface Stretch {
  records: AddressCount[];
  counts: number[];
}

export class RateCounter {
  /** The stretches of one window, then the current one: a ring indexed by stretch number. */
  private readonly stretches: Stretch[];
  private readonly addresses = new Map<Address, AddressCount>();
  /** Records of forgotten addresses, reused so that a steady stream of new visitors allocates nothing. */
  private readonly spare: AddressCount[] = [];
  private current = Number.NEGATIVE_INFINITY;

  constructor(
    readonly limit: number,
    readonly windowS: number,
    readonly intervalMs: number = RATE_CHECK_INTERVAL_MS,
  ) {
    const inWindow = Math.round((windowS * 1000) / intervalMs);
    this.stretches = Array.from({ length: inWindow + 1 }, () => ({ records: [], counts: [] }));
  }

  /** How many addresses are counted now: at most those that sent a request within the last window. */
  get tracked(): number {
    return this.addresses.size;
  }

  /**
   * Counts a request from `address` at `nowMs`, and says whether that address was over the limit at the latest
   * check: what the rule acts on.
   */
  hit(address: Address, nowMs: number): boolean {
    const stretch = Math.floor(nowMs / this.intervalMs);
    if (stretch > this.current) this.moveTo(stretch);
    const record = this.recordFor(address);
    const counts = this.stretches[this.slot(stretch)]!.counts;
    const sentBefore = record.lastStretch === stretch;
    if (record.checkedAt !== stretch) {
      // The check at this stretch's start saw the window before it: everything but this stretch's own requests.
      record.checkedAt = stretch;
      record.counted = record.total - (sentBefore ? counts[record.lastEntry]! : 0);
      record.over = record.counted > this.limit;
    }
    this.add(record, stretch, 1);
    return record.over;
  }

  /** The requests the latest check counted for `address` (0 for one it does not know). */
  countedAtCheck(address: Address): number {
    return this.addresses.get(address)?.counted ?? 0;
  }

  /** Requests `address` sent before a run began: `count` of them in the stretch just before `nowMs`. */
  seed(address: Address, count: number, nowMs: number): void {
    if (count <= 0) return;
    const stretch = Math.floor(nowMs / this.intervalMs) - 1;
    if (stretch > this.current) this.moveTo(stretch);
    this.add(this.recordFor(address), stretch, count);
  }

  /** Adds `count` requests to the record's total and to its entry in the stretch (made on its first request there). */
  private add(record: AddressCount, stretch: number, count: number): void {
    const { records, counts } = this.stretches[this.slot(stretch)]!;
    if (record.lastStretch === stretch) counts[record.lastEntry]! += count;
    else {
      // `lastEntry` follows the latest stretch only: a seed for an earlier one gets an entry of its own.
      if (!(stretch < record.lastStretch)) {
        record.lastStretch = stretch;
        record.lastEntry = records.length;
      }
      records.push(record);
      counts.push(count);
    }
    record.total += count;
  }

  private slot(stretch: number): number {
    const n = this.stretches.length;
    return ((stretch % n) + n) % n;
  }

  private recordFor(address: Address): AddressCount {
    let record = this.addresses.get(address);
    if (!record) {
      record = this.spare.pop() ?? { address, total: 0, checkedAt: Number.NaN, counted: 0, over: false, lastStretch: Number.NaN, lastEntry: 0 };
      record.address = address;
      record.total = 0;
      record.checkedAt = Number.NaN;
      record.counted = 0;
      record.over = false;
      record.lastStretch = Number.NaN;
      record.lastEntry = 0;
      this.addresses.set(address, record);
    }
    return record;
  }

  /** Drops the stretches that leave the ring on the way to `stretch`: at most the ring's length of them. */
  private moveTo(stretch: number): void {
    const n = this.stretches.length;
    const from = Number.isFinite(this.current) ? Math.max(this.current + 1, stretch - n + 1) : stretch;
    for (let s = from; s <= stretch; s++) this.expire(this.stretches[this.slot(s)]!);
    this.current = stretch;
  }

  /** A stretch leaves the window: its counts come off their addresses, and addresses left with none are forgotten. */
  private expire(stretch: Stretch): void {
    const { records, counts } = stretch;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      record.total -= counts[i]!;
      if (record.total <= 0) {
        this.addresses.delete(record.address);
        this.spare.push(record);
      }
    }
    records.length = 0;
    counts.length = 0;
  }
}
