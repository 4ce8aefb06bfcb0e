/**
 * A station with `capacity` identical servers and one first-come, first-served queue: a pool of database
 * connections, a pod's event loop (capacity 1), a payments client's sockets. A process takes a server with
 * `yield* acquire(resource)` and gives it back with `release()`, normally through `holding`, which releases in a
 * `finally` block so that a cancelled process gives back what it held.
 *
 * The resource also keeps the time integrals queueing theory speaks of: the mean number busy and waiting, and
 * the mean wait, so a run can be checked against M/M/c and Little's law (L = λW; Little, "A Proof for the
 * Queuing Formula L = λW", Operations Research 9(3), 1961).
 */

interface Waiter {
  readonly since: number;
  readonly grant: () => void;
  withdrawn: boolean;
}

export interface ResourceStats {
  /** Requests that asked for a server. */
  arrivals: number;
  /** Requests that got one. */
  granted: number;
  /** Servers given back: requests served to the end. */
  served: number;
  /** Requests that left the queue before a server was free (their caller was cancelled). */
  withdrawn: number;
  /** Time-averaged number of busy servers, and that over the capacity. */
  meanBusy: number;
  utilization: number;
  /** Time-averaged number of requests waiting in the queue. */
  meanQueue: number;
  /** Mean wait for a server, over the requests that got one (0 for those served at once). */
  meanWaitMs: number;
  /** Share of granted requests that had to wait at all. */
  waitedShare: number;
  /** Mean time a server was held, over the requests served (busy time over services). */
  meanServiceMs: number;
  /**
   * Mean time from asking to leaving, over every request that asked: waiting (given up or not) plus service.
   * W in Little's law once everything that arrived has left.
   */
  meanInSystemMs: number;
  /** The time the figures cover. */
  elapsedMs: number;
}

/**
 * The running time integrals since the run began, for figures over a stretch of a run: mean busy = Δbusy / Δt.
 * They never restart, a window's start (`startWindow`) included, so a stretch across the warm-up's end is right.
 */
export interface ResourceAreas {
  busy: number;
  queue: number;
}

export class Resource {
  private busy = 0;
  private readonly queue: Waiter[] = [];
  private head = 0;
  private waitingCount = 0;
  private lastChange = 0;
  private windowStart = 0;
  private busyArea = 0;
  private queueArea = 0;
  /** The integrals before the window began: `areas()` adds them back. */
  private busyAreaBefore = 0;
  private queueAreaBefore = 0;
  private arrivals = 0;
  private granted = 0;
  private served = 0;
  private withdrawn = 0;
  private waited = 0;
  private totalWaitMs = 0;
  /** Time spent in the queue by requests that left it without a server. */
  private withdrawnWaitMs = 0;

  constructor(
    readonly capacity: number,
    private readonly clock: () => number,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`a resource needs at least one server, not ${capacity}`);
  }

  get inUse(): number {
    return this.busy;
  }

  get waiting(): number {
    return this.waitingCount;
  }

  /**
   * For the kernel: a server now (returns null and calls nothing), or a place in the queue. `grant` runs when a
   * server is handed over; the returned function withdraws from the queue (the waiter was cancelled).
   */
  request(grant: () => void): (() => void) | null {
    this.advance();
    this.arrivals += 1;
    if (this.busy < this.capacity) {
      this.busy += 1;
      this.granted += 1;
      return null;
    }
    const waiter: Waiter = { since: this.clock(), grant, withdrawn: false };
    this.queue.push(waiter);
    this.waitingCount += 1;
    return () => {
      if (waiter.withdrawn) return;
      this.advance();
      waiter.withdrawn = true;
      this.withdrawn += 1;
      this.withdrawnWaitMs += this.clock() - waiter.since;
      this.waitingCount -= 1;
    };
  }

  /** Gives a server back: to the longest waiter, or to the pool. */
  release(): void {
    if (this.busy === 0) throw new Error('released a server that was not taken');
    this.advance();
    this.served += 1;
    for (;;) {
      const next = this.queue[this.head];
      if (!next) break;
      this.queue[this.head++] = undefined as unknown as Waiter;
      if (next.withdrawn) continue;
      this.waitingCount -= 1;
      this.granted += 1;
      this.waited += 1;
      this.totalWaitMs += this.clock() - next.since;
      this.compact();
      next.grant();
      return;
    }
    this.compact();
    this.busy -= 1;
  }

  /**
   * Starts the figures afresh from now, keeping who holds and who waits: a warm-up left out of a run's summary.
   * Requests already holding a server count as served when they give it back, so the busy time stays theirs.
   */
  startWindow(): void {
    this.advance();
    this.lastChange = this.windowStart = this.clock();
    this.busyAreaBefore += this.busyArea;
    this.queueAreaBefore += this.queueArea;
    this.busyArea = this.queueArea = this.totalWaitMs = this.withdrawnWaitMs = 0;
    this.arrivals = this.granted = this.served = this.withdrawn = this.waited = 0;
  }

  areas(): ResourceAreas {
    this.advance();
    return { busy: this.busyAreaBefore + this.busyArea, queue: this.queueAreaBefore + this.queueArea };
  }

  stats(): ResourceStats {
    this.advance();
    const elapsed = this.lastChange - this.windowStart;
    const meanBusy = elapsed > 0 ? this.busyArea / elapsed : 0;
    return {
      arrivals: this.arrivals,
      granted: this.granted,
      served: this.served,
      withdrawn: this.withdrawn,
      meanBusy,
      utilization: meanBusy / this.capacity,
      meanQueue: elapsed > 0 ? this.queueArea / elapsed : 0,
      meanWaitMs: this.granted > 0 ? this.totalWaitMs / this.granted : 0,
      waitedShare: this.granted > 0 ? this.waited / this.granted : 0,
      meanServiceMs: this.served > 0 ? this.busyArea / this.served : 0,
      meanInSystemMs: this.arrivals > 0 ? (this.totalWaitMs + this.withdrawnWaitMs + this.busyArea) / this.arrivals : 0,
      elapsedMs: elapsed,
    };
  }

  private advance(): void {
    const now = this.clock();
    const dt = now - this.lastChange;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.queueArea += this.waitingCount * dt;
      this.lastChange = now;
    }
  }

  /** Drops the served head of the queue once it outweighs the rest, so a long run keeps memory bounded. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
