/**
 * Many requests through the same node code as one. Visitors arrive as a Poisson process; each asks for an object
 * drawn from a Zipf popularity, static or API, now and then with an attack payload; the edge cache, the pods'
 * event loops and their database pools are shared by all of them, and a timeline changes conditions mid-run.
 *
 * The run is pure and deterministic: the same scenario gives the same result, in Node or in a Web Worker. It
 * keeps counters, histograms, a series and a small reservoir of request ids, never an event, so memory stays
 * bounded however long it runs. Any sampled request can be replayed with every event (replay.ts).
 */
import type { Scenario } from '@/lib/scenario/schema';
import { createContext, noCounts, type Counters, type SimContext } from '@/lib/sim/context';
import { markOpenBeforeRun } from '@/lib/sim/net/handshake';
import { buildRequest, requestWithRetries, type BrowserOutcome } from '@/lib/sim/nodes/browser';
import type { EdgeState } from '@/lib/sim/nodes/edge';
import { createEdge } from '@/lib/sim/setup';
import { streamFor, type Random } from '@/lib/sim/random';
import { sleep, type ProcessGroup, type Task } from '@/lib/sim/kernel/kernel';
import type { Recorder } from '@/lib/sim/recorder';
import type { WorldShape } from '@/lib/sim/world';
import { Histogram } from './histogram';
import { MetricsRecorder, SeriesBuilder, stationFigures, tidyStation, toFour, toMicros, type SeriesPoint, type StationFigures } from './metrics';
import type { TrafficPlan } from './plan';
import { arrivalsFrom, rateChanges, type Arrival } from './arrivals';
import { timeline } from './timeline';
import { Incidents, type FailoverReport } from './incidents';
import { createZipf } from './zipf';

/** How many request ids the reservoir keeps for replay. */
export const SAMPLE_SIZE = 16;
/** The series never has more stretches than this, so a day-long run draws as well as a minute. */
const MAX_SERIES_POINTS = 120;

export interface TrafficSummary {
  /** Requests that arrived after the warm-up. */
  requests: number;
  /** Of those, how many got an answer (every request does once the run drains). */
  completed: number;
  /** Answers by status code; `none` when the browser got no answer at all. */
  statuses: Record<string, number>;
  /** Server errors (5xx) and requests with no answer, over the requests. A WAF's 403 is the system working. */
  errorRate: number;
  latency: { p50: number; p95: number; p99: number; mean: number };
  /** Edge hits over cacheable lookups. */
  hitRatio: number;
  originRequests: number;
  dbQueries: number;
  retries: number;
  /**
   * Calls made on each calling edge, retries included: browser → API, app → database, app → payments API. Over the
   * requests, each is how much the layers' retries multiply one click.
   */
  calls: { browser: number; db: number; payments: number };
  /** Calls an open circuit breaker or a full bulkhead refused, without calling (lib/sim/resilience). */
  breakerRejections: number;
  bulkheadRejections: number;
  /** Times a breaker opened, counting every pod's. */
  breakerOpens: number;
  /** Failed or refused calls a fallback stood in for. */
  fallbacks: number;
  /** Retries the AWS SDK's retry quota would not pay for. */
  retriesDenied: number;
  writesCommitted: number;
  /** The stations where requests queue: the app (its pods' event loops) and the database (its connection pools). */
  byNode: { app: StationFigures; db: StationFigures };
  /** What CloudFront's own parts did (lib/sim/edge); present only when the run uses any of them. */
  cdn?: CdnSummary;
  /** What the edge stopped and what attacked it (the bots' requests are not among `requests` above). */
  protection: Protection;
  /** Each database failover: how long it took, and when each pod was back. */
  dbFailovers: FailoverReport[];
}

/** Edge locations, Origin Shield, the origin group and edge functions, over the summary's window; a part not in use is left out. */
export interface CdnSummary {
  edgeLocations: number;
  /** Lookups that reached Origin Shield (edge misses of cacheable requests), and its hits over them. */
  originShield?: { lookups: number; hits: number; hitRatio: number };
  /** Requests the origin group sent on to the secondary origin. */
  failovers?: number;
  /** Edge function runs, and the Lambda@Edge runs that had to start an execution environment first. */
  edgeFunctions?: { runs: number; coldStarts: number };
}

/** The edge's protections over the summary's window: the counters of that name (lib/sim/context.ts), and the bots' answers. */
export type Protection = Pick<Counters, (typeof PROTECTION_COUNTERS)[number]> & { botStatuses: Record<string, number> };
const PROTECTION_COUNTERS = ['wafBlocked', 'rateLimited', 'captchas', 'challenges', 'rateCounted', 'botRequests', 'synFloodAbsorbed'] as const;

export interface TrafficResult {
  version: number;
  summary: TrafficSummary;
  /** The width of each stretch of the series, in seconds. */
  bucketS: number;
  series: SeriesPoint[];
  /** Request ids to replay in full (replay.ts), drawn uniformly from the requests after the warm-up. */
  samples: string[];
  /** Happenings the engine reported, a measure of the work done. */
  events: number;
}

export interface TrafficProgress {
  /** Simulated ms reached, and the run's length (arrivals stop then; the requests under way still finish). */
  simulatedMs: number;
  durationMs: number;
  /** Visitors' requests arrived so far, warm-up included. */
  requests: number;
  /** The width of each stretch of the series, in seconds. */
  bucketS: number;
  /**
   * The stretches closed so far, copies: the charts can draw the run as it grows. The stretch under way is not among
   * them; the result has every stretch, and may yet name a request that never got an answer as a stretch's slowest.
   */
  series: SeriesPoint[];
}

/** What the run heard of a request's end (`onAnswered`): for tests and replay, not for the summary. */
export type AnswerListener = (arrival: Arrival, status: number | null, latencyMs: number, arrivedAtMs: number, outcome: BrowserOutcome) => void;

/**
 * A request a replay follows through the run (replay.ts): every process it sets going is counted in `group`, so the
 * replay knows when its work has ended; the run notes when it arrives, and what it was.
 */
export interface FollowedRequest {
  readonly id: string;
  readonly group: ProcessGroup;
  arrived: { arrival: Arrival; atMs: number } | null;
}

/** A traffic run that can be advanced a slice at a time, for progress reports and to stop when asked. */
export class TrafficRun {
  readonly ctx: SimContext;
  private readonly durationMs: number;
  private readonly warmupMs: number;
  private readonly latency = new Histogram();
  private readonly statuses: Record<string, number> = {};
  private readonly series: SeriesBuilder;
  private readonly reservoir: string[] = [];
  private readonly samples: Random;
  private readonly incidents: Incidents;
  private countersAtWarmup: Counters | null = null;
  private stationsAtEnd: TrafficSummary['byNode'] | null = null;
  private writesAtWarmup = 0;
  private arrived = 0;
  private measured = 0;
  private completed = 0;
  private serverErrors = 0;

  /** `onAnswered` hears every request's end; `follow` names one request to follow (replay.ts). */
  constructor(
    readonly scenario: Scenario,
    readonly plan: TrafficPlan,
    shape: WorldShape,
    recorder: Recorder = new MetricsRecorder(),
    private readonly onAnswered?: AnswerListener,
    private readonly follow: FollowedRequest | null = null,
  ) {
    const ctx = (this.ctx = createContext(scenario, recorder, shape));
    this.durationMs = plan.durationS * 1000;
    this.warmupMs = plan.warmupS * 1000;
    this.samples = streamFor(scenario.seed, 'samples');
    const bucketS = Math.max(1, Math.ceil(plan.durationS / MAX_SERIES_POINTS));
    this.series = new SeriesBuilder(bucketS * 1000, ctx.counters, ctx.world.pods.map((p) => p.pool), () => ctx.world.resilience.openBreakers(), ctx.world.pods.map((p) => p.cpu));

    // One edge location per cache of the distribution; the first is the one a single run meets.
    const edges = ctx.world.distribution.locations.map((_, location) => createEdge(ctx, false, location));
    // Visitors are already connected: traffic is about what the system does with requests, not handshakes.
    markOpenBeforeRun(ctx, 'browser', 'edge');
    // One stream for the arrivals: when each comes and what it asks for, drawn in turn.
    const arrivals = streamFor(scenario.seed, 'arrivals');
    const arrival = arrivalsFrom(plan, scenario, arrivals, createZipf(plan.objects, plan.zipf));
    // Which edge location each visitor reaches, from a stream of its own so the arrivals' draws stay as they were.
    const locations = edges.length > 1 ? streamFor(scenario.seed, 'locations') : null;
    // A flood comes from a few addresses, so it reaches one edge location: the first.
    this.incidents = new Incidents(ctx, edges[0]!, plan, scenario.seed, this.durationMs, this.warmupMs);
    ctx.kernel.spawn(this.arrive(edges, locations, arrivals, arrival));
    ctx.kernel.spawn(timeline(ctx, plan.timeline, plan.invalidationDelayS * 1000, this.durationMs, this.incidents));
    ctx.kernel.spawn(this.watch());
  }

  /**
   * Poisson arrivals until the run's end: exponential gaps at the plan's rate, each visitor at an edge location drawn
   * evenly. A spike changes the rate at set moments; a gap that would cross one is cut there and drawn again at the new
   * rate, which is exact because an exponential wait forgets how long it has lasted (a Poisson process's memorylessness).
   */
  private *arrive(edges: readonly EdgeState[], locations: Random | null, arrivals: Random, arrival: (n: number) => Arrival): Task<void> {
    const { kernel } = this.ctx;
    const changes = rateChanges(this.plan);
    let nextChange = 0;
    let rate = this.plan.rate;
    for (let n = 1; ; n++) {
      for (;;) {
        const gapMs = (-Math.log(1 - arrivals.next()) / rate) * 1000;
        const change = changes[nextChange];
        if (change === undefined || kernel.now + gapMs < change.atMs) {
          yield* sleep(gapMs);
          break;
        }
        yield* sleep(change.atMs - kernel.now);
        rate = this.plan.rate * change.factor;
        nextChange++;
      }
      if (kernel.now >= this.durationMs) return;
      this.start(locations ? edges[Math.floor(locations.next() * edges.length)]! : edges[0]!, this.incidents.attacking(arrival(n)));
    }
  }

  /** The run's clockwork: the warm-up's end, each stretch of the series, and the stations when arrivals stop. */
  private *watch(): Task<void> {
    const { kernel } = this.ctx;
    const moments = new Set([this.warmupMs, this.durationMs]);
    for (let t = this.series.bucketMs; t < this.durationMs; t += this.series.bucketMs) moments.add(t);
    for (const t of [...moments].sort((x, y) => x - y)) {
      yield* sleep(t - kernel.now);
      // A stretch closes before the warm-up ends at the same instant, so it holds the warm-up's own counts.
      if (t < this.durationMs && t % this.series.bucketMs === 0 && t > 0) this.series.close(kernel.now);
      if (t === this.warmupMs && t > 0 && t < this.durationMs) this.startSummaryWindow();
      if (t === this.durationMs) this.stationsAtEnd = this.stations();
    }
  }

  get bucketS(): number {
    return this.series.bucketMs / 1000;
  }

  private startSummaryWindow(): void {
    const { ctx } = this;
    this.countersAtWarmup = { ...ctx.counters };
    this.writesAtWarmup = ctx.ledger.writesCommitted;
    for (const pod of ctx.world.pods) {
      pod.cpu.startWindow();
      pod.pool.startWindow();
    }
  }

  /**
   * The stations' figures from the end of the warm-up to now. The summary takes them when arrivals stop, so the
   * drain after it (requests finishing, work nobody waits for) does not water down how busy the run was.
   */
  stations(): TrafficSummary['byNode'] {
    const { pods } = this.ctx.world;
    return { app: stationFigures(pods.map((p) => p.cpu)), db: stationFigures(pods.map((p) => p.pool)) };
  }

  private start(edge: EdgeState, arrival: Arrival): void {
    const { ctx } = this;
    const startedAt = ctx.kernel.now;
    const counted = startedAt >= this.warmupMs;
    this.arrived += 1;
    if (counted) {
      this.measured += 1;
      // Algorithm R (Vitter, "Random Sampling with a Reservoir", 1985): every request is equally likely to be kept.
      if (this.reservoir.length < SAMPLE_SIZE) this.reservoir.push(arrival.id);
      else {
        const slot = Math.floor(this.samples.next() * this.measured);
        if (slot < SAMPLE_SIZE) this.reservoir[slot] = arrival.id;
      }
    }
    this.series.arrived(arrival.id);
    const followed = this.follow !== null && this.follow.id === arrival.id ? this.follow : null;
    if (followed) followed.arrived = { arrival, atMs: startedAt };
    const done = (outcome: BrowserOutcome) => {
      const latencyMs = ctx.kernel.now - startedAt;
      const status = outcome.value.status;
      const serverError = status >= 500;
      this.series.answered(arrival.id, latencyMs, serverError);
      this.onAnswered?.(arrival, status, latencyMs, startedAt, outcome);
      if (!counted) return;
      this.completed += 1;
      this.latency.record(latencyMs);
      this.statuses[status] = (this.statuses[status] ?? 0) + 1;
      if (serverError) this.serverErrors += 1;
    };
    ctx.kernel.spawn(requestWithRetries(ctx, edge, buildRequest(arrival.spec, arrival.id), null), done, followed?.group ?? null);
  }

  /** The distribution's own figures since `from`, when the run uses any part of it; nothing otherwise. */
  private cdnSummary(from: Counters): { cdn?: CdnSummary } {
    const { distribution } = this.ctx.world;
    const c = this.ctx.counters;
    const edgeLocations = distribution.locations.length;
    if (edgeLocations === 1 && !distribution.originShield && !distribution.failover && !distribution.functions) return {};
    const lookups = c.originShieldLookups - from.originShieldLookups;
    const hits = c.originShieldHits - from.originShieldHits;
    return {
      cdn: {
        edgeLocations,
        ...(distribution.originShield ? { originShield: { lookups, hits, hitRatio: toFour(lookups ? hits / lookups : 0) } } : {}),
        ...(distribution.failover ? { failovers: c.failovers - from.failovers } : {}),
        ...(distribution.functions ? { edgeFunctions: { runs: c.functionRuns - from.functionRuns, coldStarts: c.coldStarts - from.coldStarts } } : {}),
      },
    };
  }

  /** Runs up to `steps` kernel steps; false once nothing is left to do. */
  advance(steps: number): boolean {
    const { kernel } = this.ctx;
    for (let i = 0; i < steps; i++) if (!kernel.step()) return false;
    return true;
  }

  progress(): TrafficProgress {
    return {
      simulatedMs: Math.min(this.ctx.kernel.now, this.durationMs),
      durationMs: this.durationMs,
      requests: this.arrived,
      bucketS: this.bucketS,
      series: this.series.points.map((point) => ({ ...point })),
    };
  }

  result(): TrafficResult {
    const { ctx } = this;
    this.series.close(Math.max(ctx.kernel.now, this.durationMs));
    this.series.nameUnanswered();
    const from = this.countersAtWarmup ?? noCounts();
    const c = ctx.counters;
    const lookups = c.cacheLookups - from.cacheLookups;
    const missing = this.measured - this.completed;
    const statuses = { ...this.statuses, ...(missing > 0 ? { none: missing } : {}) };
    return {
      version: this.scenario.v,
      summary: {
        requests: this.measured,
        completed: this.completed,
        statuses,
        errorRate: toFour(this.measured ? (this.serverErrors + missing) / this.measured : 0),
        latency: { p50: toMicros(this.latency.percentile(50)), p95: toMicros(this.latency.percentile(95)), p99: toMicros(this.latency.percentile(99)), mean: toMicros(this.latency.mean) },
        hitRatio: toFour(lookups ? (c.cacheHits - from.cacheHits) / lookups : 0),
        originRequests: c.originRequests - from.originRequests,
        dbQueries: c.dbQueries - from.dbQueries,
        retries: c.retries - from.retries,
        calls: { browser: c.browserCalls - from.browserCalls, db: c.dbCalls - from.dbCalls, payments: c.paymentsCalls - from.paymentsCalls },
        breakerRejections: c.breakerRejections - from.breakerRejections,
        bulkheadRejections: c.bulkheadRejections - from.bulkheadRejections,
        breakerOpens: c.breakerOpens - from.breakerOpens,
        fallbacks: c.fallbacks - from.fallbacks,
        retriesDenied: c.retriesDenied - from.retriesDenied,
        writesCommitted: ctx.ledger.writesCommitted - this.writesAtWarmup,
        byNode: (({ app, db }) => ({ app: tidyStation(app), db: tidyStation(db) }))(this.stationsAtEnd ?? this.stations()),
        ...this.cdnSummary(from),
        protection: {
          ...(Object.fromEntries(PROTECTION_COUNTERS.map((name) => [name, c[name] - from[name]])) as Pick<Counters, (typeof PROTECTION_COUNTERS)[number]>),
          botStatuses: { ...this.incidents.botStatuses },
        },
        dbFailovers: this.incidents.failovers,
      },
      bucketS: this.bucketS,
      series: this.series.points,
      samples: [...this.reservoir].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
      events: ctx.recorder.count,
    };
  }
}
