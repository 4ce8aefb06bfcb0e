/**
 * What a traffic run keeps: counters and histograms, per station and per stretch of time, and nothing per event.
 * The metrics recorder is the engine's recorder for many requests: node code reports through it exactly as it
 * does to the trace recorder, and it only counts (lib/sim/recorder.ts).
 */
import { noCounts, type Counters } from '@/lib/sim/context';
import type { Resource } from '@/lib/sim/kernel/kernel';
import type { Happening, Recorder } from '@/lib/sim/recorder';
import { BUCKETS, Histogram } from './histogram';

/** Results keep what a reader can use: times to the microsecond, ratios and rates to four decimals. */
export const toMicros = (ms: number) => Math.round(ms * 1000) / 1000;
export const toFour = (x: number) => Math.round(x * 10_000) / 10_000;

/** Counts happenings and the latest moment any work ended; builds no event and no words. */
export class MetricsRecorder implements Recorder {
  readonly countsOnly = true;
  count = 0;
  endMs = 0;

  counted(endMs: number): void {
    this.count += 1;
    if (endMs > this.endMs) this.endMs = endMs;
  }

  record(h: Happening): void {
    this.counted(h.t + h.durationMs);
  }
}

/** A station's figures over the summary's window: the app's event loops, or the pools of database connections. */
export interface StationFigures {
  /** Requests that asked for a server. */
  arrivals: number;
  /** Requests served to the end. */
  served: number;
  /** Busy servers over servers, time-averaged. */
  utilization: number;
  /** Requests waiting, time-averaged. */
  meanQueue: number;
  meanWaitMs: number;
  meanServiceMs: number;
  /** Time from asking to leaving, per request that asked: W in Little's law (lib/sim/kernel/resource.ts). */
  meanInSystemMs: number;
  /** Requests that left the queue before they were served (their caller gave up). */
  dropped: number;
  /** Share of the requests given a server that had to wait for it: Erlang C's P(wait). */
  waitedShare: number;
  /** Requests waiting or being served, time-averaged: L in Little's law. */
  meanInSystem: number;
  /** Arrivals per second over the window: λ in Little's law. */
  arrivalRate: number;
}

/** One station made of several resources (a pod's loop each, a pool each), summed as one. */
export function stationFigures(resources: readonly Resource[]): StationFigures {
  let arrivals = 0;
  let served = 0;
  let granted = 0;
  let dropped = 0;
  let busy = 0;
  let queue = 0;
  let capacity = 0;
  let waitTotal = 0;
  let waited = 0;
  let serviceTotal = 0;
  let inSystemTotal = 0;
  let elapsedMs = 0;
  for (const resource of resources) {
    const s = resource.stats();
    arrivals += s.arrivals;
    served += s.served;
    granted += s.granted;
    dropped += s.withdrawn;
    busy += s.meanBusy;
    queue += s.meanQueue;
    capacity += resource.capacity;
    waitTotal += s.meanWaitMs * s.granted;
    waited += s.waitedShare * s.granted;
    serviceTotal += s.meanServiceMs * s.served;
    inSystemTotal += s.meanInSystemMs * s.arrivals;
    elapsedMs = Math.max(elapsedMs, s.elapsedMs);
  }
  const meanWaitMs = granted ? waitTotal / granted : 0;
  const meanServiceMs = served ? serviceTotal / served : 0;
  return {
    arrivals,
    served,
    utilization: capacity ? busy / capacity : 0,
    meanQueue: queue,
    meanWaitMs,
    meanServiceMs,
    meanInSystemMs: arrivals ? inSystemTotal / arrivals : 0,
    dropped,
    waitedShare: granted ? waited / granted : 0,
    meanInSystem: busy + queue,
    arrivalRate: elapsedMs > 0 ? arrivals / (elapsedMs / 1000) : 0,
  };
}

/** A station's figures as a result shows them. */
export function tidyStation(f: StationFigures): StationFigures {
  return {
    ...f,
    utilization: toFour(f.utilization),
    meanQueue: toFour(f.meanQueue),
    meanWaitMs: toMicros(f.meanWaitMs),
    meanServiceMs: toMicros(f.meanServiceMs),
    meanInSystemMs: toMicros(f.meanInSystemMs),
    waitedShare: toFour(f.waitedShare),
    meanInSystem: toFour(f.meanInSystem),
    arrivalRate: toFour(f.arrivalRate),
  };
}

/** One stretch of the run, as the charts draw it. */
export interface SeriesPoint {
  /** The stretch's start, in simulated seconds. */
  t: number;
  /** Requests answered per second. */
  rps: number;
  /** Share of the answers that were server errors (5xx, or none at all). */
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
  /** Edge hits over cacheable lookups; null when nothing was looked up. */
  hitRatio: number | null;
  originRps: number;
  /** Database connections in use and requests waiting for one, time-averaged over all pods' pools. */
  poolInUse: number;
  poolWaiting: number;
  retriesPerS: number;
  /** Calls made per second on each calling edge, retries included: the layers' amplification, stretch by stretch. */
  browserCallsPerS: number;
  dbCallsPerS: number;
  paymentsCallsPerS: number;
  /** Calls refused per second by open breakers and full bulkheads, and fallbacks served per second. */
  rejectedPerS: number;
  fallbacksPerS: number;
  /** The pods' breakers not closed (open, or half-open and probing) when the stretch ends. */
  breakersOpen: number;
  /** Bot requests per second, during a flood (they are not among `rps`, which counts the visitors' answers). */
  botRps: number;
  /** Requests per second the web ACL stopped: blocked by a managed rule or by the rate-based rule, or met with a CAPTCHA or a challenge. */
  wafStoppedPerS: number;
  /** SYN packets per second Shield Standard absorbed at the edge. */
  synPps: number;
  /** The pods' event loops: busy loops over pods, time-averaged (0 to 1), and requests waiting for one, time-averaged, summed over the pods. */
  appUtilization: number;
  appQueue: number;
  /** Packets per second the network's filters dropped (security groups, network ACLs): each a `packet-denied` in a trace. */
  deniedPerS: number;
  /**
   * Requests to open from this stretch (`replayRequest`, `replayAsResult`). The slowest: of the requests answered in
   * the stretch, the one that took longest (the first answered, on a tie). A request that never got an answer is
   * slower than any: once the run has ended, the first of those that arrived in the stretch takes its place, with
   * `slowestMs` null. Null when the stretch had neither.
   */
  slowestId: string | null;
  /** The slowest request's latency, exact (the stretch's greatest, where `p99` is a histogram's estimate); null with no answer. */
  slowestMs: number | null;
  /** An ordinary request: the last one answered in the stretch whose latency fell in `p50`'s histogram bucket, so within 1.1% of it. */
  typicalId: string | null;
  /**
   * The first visitor's request that arrived in the stretch, answered whenever it was: a request from that moment
   * even when nothing was answered in it (a stretch of a storm, whose answers all come later). Null when none arrived.
   */
  arrivedId: string | null;
}

/**
 * Builds the series one stretch at a time, from completed requests and the counters' movement. What it keeps per
 * request is O(1) and allocates nothing: an id written into a slot per histogram bucket, a comparison for the
 * slowest, and the id of each request under way in a map (its entry leaves when the answer comes), to name any
 * that never got one.
 */
export class SeriesBuilder {
  readonly points: SeriesPoint[] = [];
  private readonly latencies = new Histogram();
  /**
   * The last request answered in each bucket of the latency histogram. Never cleared: a bucket that counted anything
   * in this stretch was written in this stretch, and only such a bucket is read (the p50's).
   */
  private readonly idOfBucket: (string | null)[] = new Array<string | null>(BUCKETS).fill(null);
  private slowestId: string | null = null;
  private slowestMs = -1;
  private firstArrivedId: string | null = null;
  /** Requests under way, by id, each with the stretch it arrived in: those left when the run ends got no answer. */
  private readonly underWay = new Map<string, number>();
  private errors = 0;
  private last: { counters: Counters; busy: number; queue: number } | null = null;
  private startMs = 0;

  constructor(
    readonly bucketMs: number,
    private readonly counters: Counters,
    private readonly pools: readonly Resource[],
    private readonly openBreakers: () => number,
    /** The pods' event loops, one `Resource` of one server each. */
    private readonly loops: readonly Resource[] = [],
  ) {}

  /** A visitor's request `id` arrives now. */
  arrived(id: string): void {
    this.underWay.set(id, this.points.length);
    this.firstArrivedId ??= id;
  }

  /** Request `id` has its answer. */
  answered(id: string, latencyMs: number, serverError: boolean): void {
    this.underWay.delete(id);
    this.idOfBucket[this.latencies.record(latencyMs)] = id;
    if (latencyMs > this.slowestMs) {
      this.slowestMs = latencyMs;
      this.slowestId = id;
    }
    if (serverError) this.errors += 1;
  }

  /**
   * Once the run has ended, the requests still under way never got an answer: the first of each stretch's becomes
   * its slowest. Call after the last `close`.
   */
  nameUnanswered(): void {
    // A map iterates in the order of insertion: of arrival.
    for (const [id, stretch] of this.underWay) {
      const point = this.points[stretch];
      if (point && !(point.slowestId !== null && point.slowestMs === null)) {
        point.slowestId = id;
        point.slowestMs = null;
      }
    }
  }

  /** Closes the stretch that ends now. */
  close(nowMs: number): void {
    let busy = 0;
    let queue = 0;
    for (const pool of this.pools) {
      const areas = pool.areas();
      busy += areas.busy;
      queue += areas.queue;
    }
    const counters = { ...this.counters };
    const before = this.last ?? { counters: noCounts(), busy: 0, queue: 0 };
    const seconds = Math.max(nowMs - this.startMs, 1) / 1000;
    const lookups = counters.cacheLookups - before.counters.cacheLookups;
    const h = this.latencies;
    const middle = h.bucketOfPercentile(50);
    this.points.push({
      t: Math.round(this.startMs) / 1000,
      rps: toFour(h.count / seconds),
      errorRate: toFour(h.count ? this.errors / h.count : 0),
      p50: toMicros(h.percentile(50)),
      p95: toMicros(h.percentile(95)),
      p99: toMicros(h.percentile(99)),
      hitRatio: lookups ? toFour((counters.cacheHits - before.counters.cacheHits) / lookups) : null,
      originRps: toFour((counters.originRequests - before.counters.originRequests) / seconds),
      poolInUse: toFour((busy - before.busy) / (seconds * 1000)),
      poolWaiting: toFour((queue - before.queue) / (seconds * 1000)),
      retriesPerS: toFour((counters.retries - before.counters.retries) / seconds),
      browserCallsPerS: toFour((counters.browserCalls - before.counters.browserCalls) / seconds),
      dbCallsPerS: toFour((counters.dbCalls - before.counters.dbCalls) / seconds),
      paymentsCallsPerS: toFour((counters.paymentsCalls - before.counters.paymentsCalls) / seconds),
      rejectedPerS: toFour((counters.breakerRejections + counters.bulkheadRejections - before.counters.breakerRejections - before.counters.bulkheadRejections) / seconds),
      fallbacksPerS: toFour((counters.fallbacks - before.counters.fallbacks) / seconds),
      breakersOpen: this.openBreakers(),
      botRps: toFour((counters.botRequests - before.counters.botRequests) / seconds),
      wafStoppedPerS: toFour((counters.wafBlocked + counters.rateLimited - before.counters.wafBlocked - before.counters.rateLimited) / seconds),
      synPps: toFour((counters.synFloodAbsorbed - before.counters.synFloodAbsorbed) / seconds),
      ...this.load(seconds, counters, before.counters),
      slowestId: this.slowestId,
      slowestMs: this.slowestId === null ? null : toMicros(this.slowestMs),
      typicalId: middle < 0 ? null : this.idOfBucket[middle]!,
      arrivedId: this.firstArrivedId,
    });
    this.last = { counters, busy, queue };
    this.latencies.reset();
    this.slowestId = null;
    this.slowestMs = -1;
    this.firstArrivedId = null;
    this.errors = 0;
    this.startMs = nowMs;
  }

  /** The loops' areas when the last stretch closed. */
  private loopAreas = { busy: 0, queue: 0 };

  /** The pods' event loops over the stretch, from their time integrals (O(1) per pod), and the packets dropped. */
  private load(seconds: number, counters: Counters, before: Counters): Pick<SeriesPoint, 'appUtilization' | 'appQueue' | 'deniedPerS'> {
    let busy = 0;
    let queue = 0;
    let capacity = 0;
    for (const loop of this.loops) {
      const areas = loop.areas();
      busy += areas.busy;
      queue += areas.queue;
      capacity += loop.capacity;
    }
    const ms = seconds * 1000;
    const figures = {
      appUtilization: toFour(capacity ? (busy - this.loopAreas.busy) / (ms * capacity) : 0),
      appQueue: toFour((queue - this.loopAreas.queue) / ms),
      deniedPerS: toFour((counters.packetsDenied - before.packetsDenied) / seconds),
    };
    this.loopAreas = { busy, queue };
    return figures;
  }
}
