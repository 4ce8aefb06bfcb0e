/**
 * What theory predicts, drawn beside what a traffic run shows: Che's approximation or the TTL model for the edge's
 * hit ratio, Erlang C for each pod's database pool, and Little's law at both stations. Each prediction says which
 * formula applies and why, and where and why the simulation parts from it: the gap is the lesson, not an error.
 *
 * The formulas are lib/traffic/theory.ts's; this file only decides what to feed them from the scenario and the
 * series, the same figures the engine itself uses (the edge's TTL rules, the pool's hold time, the split of load).
 */
import { formatMs } from '@/lib/format-ms';
import type { Scenario } from '@/lib/scenario/schema';
import { cloudFrontTtl } from '@/lib/sim/cache/cloudfront-ttl';
import { ASSET_CACHE_CONTROL } from '@/lib/sim/nodes/s3';
import { rttMs } from '@/lib/sim/topology';
import { formatAmount, formatPercent, formatSecondsAt, formatSpan } from './figures';
import type { SeriesPoint, StationFigures } from './metrics';
import type { TrafficSummary } from './run';
import { cheHitRatio, erlangC, ttlHitRatio } from './theory';
import { createZipf } from './zipf';

/** A prediction for one simulated figure, stretch by stretch. */
export interface TheoryLine {
  /** The simulated figure it stands beside. */
  predicts: 'hitRatio' | 'poolInUse' | 'poolWaiting';
  /** Its legend entry. */
  label: string;
  /** One value per stretch of the series; null where the formula has nothing to say. */
  values: (number | null)[];
  /** Which formula applies, and why. */
  model: string;
  /** Where and why the simulation parts from it. */
  parting: string;
}

export interface TheoryInput {
  series: readonly SeriesPoint[];
  bucketS: number;
  scenario: Scenario;
  summary?: TrafficSummary;
}

// ---------------------------------------------------------------------------------------------------------------
// The edge's hit ratio

/** A kind of object the edge caches: its share of the arrivals, and how long CloudFront keeps a copy. */
interface CacheClass {
  name: 'static files' | 'API responses';
  share: number;
  /** Copies are stored, and live long enough to be hit; else every lookup misses. */
  kept: boolean;
  ttlS: number;
}

/**
 * What the edge caches, as lib/sim/setup.ts sets its behaviours: with caching on, the requests' own kind with the
 * origin's Cache-Control, and in a mix the static files with S3's day-long one. Only GET and HEAD are looked up.
 */
function cacheClasses(scenario: Scenario): CacheClass[] {
  const { request, cache, traffic } = scenario;
  if (cache.state === 'off') return [];
  const kept = (cacheControl: string) => {
    const decision = cloudFrontTtl({ 'cache-control': cacheControl }, cache);
    return { kept: decision.store && decision.ttlSeconds > 0, ttlS: decision.ttlSeconds };
  };
  const staticShare = request.kind === 'static' ? 1 : request.kind === 'mix' ? traffic.staticShare : 0;
  const apiReads = request.method === 'GET' || request.method === 'HEAD';
  const classes: CacheClass[] = [];
  if (staticShare > 0) classes.push({ name: 'static files', share: staticShare, ...kept(request.kind === 'static' ? cache.cacheControl : ASSET_CACHE_CONTROL) });
  if (staticShare < 1 && apiReads) classes.push({ name: 'API responses', share: 1 - staticShare, ...kept(cache.cacheControl) });
  return classes;
}

export interface HitRatioTheory {
  /** The steady hit ratio over the lookups. */
  hitRatio: number;
  /** Which model each class of object follows. */
  models: { name: CacheClass['name']; model: 'che' | 'ttl' | 'none'; ttlS: number }[];
  /** Che's characteristic time at one edge location, in seconds; Infinity when the cache holds every object. */
  characteristicTimeS: number;
  /** The hit ratio a cold cache is expected to show in the run's last second: below `hitRatio` when the run is too short to fill it. */
  coldAtEnd: number;
}

/**
 * The edge's steady hit ratio. Every arrival draws its object from Zipf (Poisson arrivals over fixed popularities:
 * the independent reference model both formulas assume). Che's approximation gives the LRU's characteristic time
 * T_C; an object's copy ends by eviction after T_C without a request, or by expiry TTL after the miss that stored
 * it, whichever comes first, so each class follows the model of the shorter time:
 * - Che (T_C < TTL): object i hits with 1 − e^(−λ_i T_C);
 * - TTL (TTL ≤ T_C): object i hits with λ_i TTL / (1 + λ_i TTL).
 * Each edge location sees its share of the visitors (drawn evenly, lib/traffic/run.ts), so λ is per location.
 */
export function hitRatioTheory(scenario: Scenario): HitRatioTheory | null {
  // Up to a million objects each time a stretch streams in: worked out once per scenario.
  if (!steadyHitRatios.has(scenario)) steadyHitRatios.set(scenario, steadyHitRatio(scenario));
  return steadyHitRatios.get(scenario)!;
}

const steadyHitRatios = new WeakMap<Scenario, HitRatioTheory | null>();

function steadyHitRatio(scenario: Scenario): HitRatioTheory | null {
  const classes = cacheClasses(scenario);
  if (classes.length === 0) return null;
  const { traffic, cache, cdn } = scenario;
  const zipf = createZipf(traffic.objects, traffic.zipf);
  const popularity = Array.from({ length: traffic.objects }, (_, i) => zipf.probability(i + 1));
  const ratePerLocation = traffic.rate / cdn.edgeLocations;
  // Che's T_C counts arrivals at one location; only copies that are kept compete for the capacity.
  const competing = classes.filter((c) => c.kept).flatMap((c) => popularity.map((p) => c.share * p));
  const { characteristicTime } = competing.length > 0 ? cheHitRatio(competing, cache.capacity) : { characteristicTime: Infinity };
  const characteristicTimeS = characteristicTime / ratePerLocation;
  let lookups = 0;
  let hits = 0;
  let coldHits = 0;
  const models = classes.map((c) => {
    const model = !c.kept ? ('none' as const) : c.ttlS <= characteristicTimeS ? ('ttl' as const) : ('che' as const);
    for (const p of popularity) {
      const share = c.share * p;
      const rate = share * ratePerLocation;
      const steady = model === 'none' ? 0 : model === 'ttl' ? ttlHitRatio(rate, c.ttlS) : -Math.expm1(-share * characteristicTime);
      lookups += share;
      hits += share * steady;
      // Starting empty, an object hits at t only if it was asked for since the start: 1 − e^(−λ_i t), at most its steady ratio.
      coldHits += share * Math.min(steady, -Math.expm1(-rate * Math.max(traffic.durationS - 1, 0)));
    }
    return { name: c.name, model, ttlS: c.ttlS };
  });
  return { hitRatio: hits / lookups, models, characteristicTimeS, coldAtEnd: coldHits / lookups };
}

const MODEL_NAMES = { che: "Che's approximation", ttl: 'TTL model' } as const;

function hitRatioLine({ series, scenario }: TheoryInput): TheoryLine | null {
  const theory = hitRatioTheory(scenario);
  if (!theory) return null;
  const used = [...new Set(theory.models.flatMap((m) => (m.model === 'none' ? [] : [m.model])))];
  const label = used.length === 0 ? 'Theory: nothing kept' : `Theory: ${used.map((m) => MODEL_NAMES[m]).join(' and ')}`;
  const tC = theory.characteristicTimeS;
  const reasons = theory.models.map(({ name, model, ttlS }) =>
    model === 'none'
      ? `${name} are never kept (their Cache-Control gives no time in the cache), so every lookup misses`
      : model === 'ttl'
        ? Number.isFinite(tC)
          ? `${name} follow the TTL model: a copy expires after ${formatSpan(ttlS)}, before the cache would evict it (characteristic time ${formatSpan(tC)})`
          : `${name} follow the TTL model: the cache holds every object, so only the TTL, ${formatSpan(ttlS)}, ends a copy`
        : `${name} follow Che's approximation: the cache evicts a copy left unasked for ${formatSpan(tC)} (its characteristic time), before its ${formatSpan(ttlS)} TTL runs out`,
  );
  const partings = [
    theory.coldAtEnd < theory.hitRatio - 0.02
      ? `The edge starts empty and each object's first request misses: in a ${formatSecondsAt(scenario.traffic.durationS)} run a cold cache is expected to reach only about ${formatPercent(theory.coldAtEnd)} by the end, so the simulated ratio stays under the line.`
      : 'The edge starts empty and each object’s first request misses, so the simulated ratio climbs to the line as the cache fills (the warm-up).',
    ...scenario.traffic.timeline
      .filter((e) => (e.action === 'invalidate' || e.action === 'deploy') && e.atS < scenario.traffic.durationS)
      .slice(0, 1)
      .map((e) =>
        e.action === 'invalidate'
          ? `The invalidation at ${formatSecondsAt(e.atS)} drops copies ${formatSecondsAt(scenario.traffic.invalidationDelayS)} later, and the ratio falls below the line until they are fetched again.`
          : `The deploy at ${formatSecondsAt(e.atS)} changes every object: copies are revalidated as they expire, which counts as misses.`,
      ),
    'Requests for an object already being fetched wait for that fetch and count as misses, a little below the formula at high rates.',
  ];
  return {
    predicts: 'hitRatio',
    label,
    values: series.map(() => theory.hitRatio),
    model: `Steady hit ratio ${formatPercent(theory.hitRatio)} at ${scenario.cdn.edgeLocations === 1 ? 'the edge location' : `each of the ${scenario.cdn.edgeLocations} edge locations`}, for Zipf ${scenario.traffic.zipf} over ${scenario.traffic.objects} object${scenario.traffic.objects === 1 ? '' : 's'} and ${scenario.cache.capacity} slots: ${reasons.join('; ')}.`,
    parting: partings.join(' '),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The database pools

type DbState = 'ok' | 'slow' | 'down';

/** The database's condition at a moment, from the scenario's behaviour and the timeline's actions before it. */
function dbStateAt(scenario: Scenario, atS: number, summary: TrafficSummary | undefined): DbState {
  const { db, traffic } = scenario;
  let state: DbState = db.behaviour === 'slow' ? 'slow' : db.behaviour === 'down' ? 'down' : 'ok';
  for (const e of traffic.timeline) {
    if (e.atS > atS || e.atS >= traffic.durationS) break;
    if (e.action === 'db-slow') state = 'slow';
    else if (e.action === 'db-down') state = 'down';
    else if (e.action === 'db-ok') state = 'ok';
    else if (e.action === 'db-failover') {
      // Cut off until every pod reaches the new primary: known once the run's summary says when.
      const report = summary?.dbFailovers.find((f) => f.atS === e.atS);
      if (!report || atS < Math.max(e.atS, ...report.podsBackAtS)) state = 'down';
    }
  }
  return state;
}

/** Erlang C at one pod's pool for one stretch: connections in use and requests waiting, over all pods. */
export interface PoolPrediction {
  /** Offered load per pod, a = λ_pod × hold time, in connections. */
  offered: number;
  /** null when a ≥ c (no steady state) or the database does not answer. */
  inUse: number | null;
  waiting: number | null;
  /** Mean wait for a connection, ms. */
  waitMs: number | null;
  state: DbState;
}

/**
 * M/M/c at each pod's pool: nginx spreads requests over the pods in turn, so each pod's pool of c connections gets
 * λ/pods of the database calls; a call holds its connection for the query and the round trip to the database (the
 * two legs inside the VPC, lib/sim/nodes/db.ts). P(wait) is Erlang C; the mean queue is P(wait) × a / (c − a), and
 * the connections in use are a (Little's law at the servers). λ is each stretch's measured calls, retries included.
 */
export function poolPrediction(scenario: Scenario, callsPerS: number, state: DbState): PoolPrediction {
  const { app, db, latency } = scenario;
  const holdMs = (state === 'slow' ? db.delayMs : latency.dbQueryMs) + rttMs(latency, 'app', 'db');
  const offered = (callsPerS / app.pods) * (holdMs / 1000);
  if (state === 'down' || offered >= app.pool) return { offered, inUse: null, waiting: null, waitMs: null, state };
  const pWait = erlangC(app.pool, offered);
  return {
    offered,
    inUse: offered * app.pods,
    waiting: ((pWait * offered) / (app.pool - offered)) * app.pods,
    waitMs: (pWait * holdMs) / (app.pool - offered),
    state,
  };
}

function spanOf(series: readonly SeriesPoint[], bucketS: number, indices: number[]): string {
  const first = series[indices[0]!]!.t;
  const last = series[indices.at(-1)!]!.t + bucketS;
  return `t = ${formatSecondsAt(first)} to ${formatSecondsAt(last)}`;
}

function poolLines({ series, bucketS, scenario, summary }: TheoryInput): TheoryLine[] {
  const { app, db, latency, traffic } = scenario;
  const predictions = series.map((p) => poolPrediction(scenario, p.dbCallsPerS, dbStateAt(scenario, p.t + bucketS / 2, summary)));
  const overloaded = predictions.flatMap((p, i) => (p.state !== 'down' && p.inUse === null ? [i] : []));
  const down = predictions.flatMap((p, i) => (p.state === 'down' ? [i] : []));
  const roundTrip = rttMs(latency, 'app', 'db');
  const slowEver = predictions.some((p) => p.state === 'slow');
  const hold = `${formatMs(latency.dbQueryMs + roundTrip)} healthy${slowEver ? `, ${formatMs(db.delayMs + roundTrip)} slow` : ''}`;
  const model = `Erlang C (M/M/c) at each pod's pool: c = ${app.pool} connections, λ = each stretch's database calls over ${app.pods} pod${app.pods === 1 ? '' : 's'} (nginx deals requests in turn), each holding its connection for the query and the round trip (${hold}); in use = λ × hold time (Little's law), waiting = C(c, a) × a / (c − a), a = λ × hold time per pod.`;
  const partings: string[] = [];
  if (overloaded.length > 0) {
    const need = Math.max(...overloaded.map((i) => predictions[i]!.offered));
    partings.push(
      `From ${spanOf(series, bucketS, overloaded)} the calls needed up to ${formatAmount(need)} connections per pod and each pool has ${app.pool}: M/M/c has no steady state, so the line stops; the queue grows until callers give up${scenario.timeoutMs > 0 ? ` at their ${formatMs(scenario.timeoutMs)} timeout` : ''}, which is what bounds the simulated waiters.`,
    );
  }
  if (down.length > 0) partings.push(`While the database does not answer (${spanOf(series, bucketS, down)}), a query holds its connection until the driver gives up: no queueing formula, no line.`);
  if (series.some((p) => p.retriesPerS > 0)) partings.push('Retries add calls exactly when the pool is slow, so arrivals stop being Poisson: they come in bursts that follow the queue.');
  partings.push(
    traffic.dbDist === 'exp'
      ? 'Query times are exponential, as Erlang C assumes.'
      : traffic.dbDist === 'const'
        ? 'Query times here are constant, not exponential: an M/D/c queue waits less than Erlang C says (for one connection exactly half, by the Pollaczek–Khinchine formula).'
        : 'Query times are lognormal (σ = 1), more spread than exponential: the queue waits longer than Erlang C says.',
  );
  if (app.pods > 1) partings.push('Dealt in turn, each pod’s arrivals are more regular than Poisson, so it waits a little less.');
  const parting = partings.join(' ');
  return [
    { predicts: 'poolInUse', label: 'Theory: in use, λ × hold time', values: predictions.map((p) => p.inUse), model, parting },
    { predicts: 'poolWaiting', label: 'Theory: waiting, Erlang C', values: predictions.map((p) => p.waiting), model, parting },
  ];
}

/** Every theory line that applies to the run, for the charts of the figures they predict. */
export function theoryLines(input: TheoryInput): TheoryLine[] {
  const hit = hitRatioLine(input);
  return [...(hit ? [hit] : []), ...poolLines(input)];
}

// ---------------------------------------------------------------------------------------------------------------
// Little's law

export interface LittleRow {
  station: 'app' | 'db';
  name: string;
  /** λ: arrivals per second over the summary's window. */
  arrivalRate: number;
  /** W: time from asking to leaving, per request that asked. */
  meanInSystemMs: number;
  /** λ × W. */
  predicted: number;
  /** L: requests waiting or served, time-averaged. */
  measured: number;
  /** (L − λW) / λW; 0 when nothing arrived. */
  gap: number;
}

const STATIONS = { app: "The pods' event loops", db: "The pods' database pools" } as const;

/**
 * Little's law, L = λW, at each station over the summary's window (Little, "A Proof for the Queuing Formula:
 * L = λW", Operations Research 9(3), 1961): it holds for any arrivals and any service times, so retries, timeouts
 * and slow queries do not break it. What can part the two sides is the window: a wait still under way when it
 * closes is in L but not yet in W.
 */
export function littlesLaw(summary: TrafficSummary): { rows: LittleRow[]; note: string } {
  const row = (station: 'app' | 'db', f: StationFigures): LittleRow => {
    const predicted = f.arrivalRate * (f.meanInSystemMs / 1000);
    return { station, name: STATIONS[station], arrivalRate: f.arrivalRate, meanInSystemMs: f.meanInSystemMs, predicted, measured: f.meanInSystem, gap: predicted > 0 ? (f.meanInSystem - predicted) / predicted : 0 };
  };
  const rows = [row('app', summary.byNode.app), row('db', summary.byNode.db)];
  const worst = Math.max(...rows.map((r) => Math.abs(r.gap)));
  const note =
    worst < 0.01
      ? "L and λW agree within 1% at both stations: Little's law needs no assumption about arrivals or service times, so it holds through retries, timeouts and slow queries alike."
      : `L and λW differ by up to ${formatPercent(worst)}: Little's law holds for any arrivals and service, but the summary's window closed with requests still waiting, counted in L and not yet in W.`;
  return { rows, note };
}
