/**
 * The world a run happens in, built once from the scenario: each node's settings, the edge's cache, the app's
 * pods (each an event loop and a pool of database connections), and the conditions a timeline can change while
 * the run goes on (a database that turns slow, a payments outage, an origin answering 5xx, a deploy).
 *
 * Nodes read their settings here, never from the scenario. So the same node code serves one request or a hundred
 * thousand, and a fault can begin at second 20 of a traffic run without any node knowing about timelines.
 */
import type { DbBehaviour, Distribution, Scenario, ThirdPartyBehaviour } from '@/lib/scenario/schema';
import type { EdgeCache } from './cache/edge-cache';
import { buildDistribution, type CloudFrontDistribution } from './edge/distribution';
import type { Kernel, Resource } from './kernel/kernel';
import { PacketFilters } from './net/filters';
import { standardNormal, type Random } from './random';
import { buildResilience, type Resilience } from './resilience/guards';
import type { DbFailover } from './nodes/db-failover';
import { BROWSER_ADDRESS } from './clients';
import { RateRule } from './waf/rate-rule';

/** Simulated time 0 is this instant, so Date and Expires headers read like real ones. */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 15, 12, 0, 0);

/** What can change while a run goes on. Everything else in the world is fixed when it is built. */
export interface Conditions {
  db: DbBehaviour;
  thirdParty: ThirdPartyBehaviour;
  /** The app answers 500 to every request (a bad deploy, a crashed dependency). */
  originFailing: boolean;
  /** The origin's content is newer than any copy the edge stored before the run. */
  contentChanged: boolean;
  /** New content deployed during the run: each one changes every object, and so its validator. */
  deploys: number;
  /** The database failing over to its standby (a traffic run's `db-failover`), until every pod reaches the new primary. */
  dbFailover: DbFailover | null;
}

/** How a time is spread around its mean. */
export type Spread = Distribution;

/** One app pod: a Node.js event loop, which runs one request's CPU work at a time, and its own pool of DB connections. */
export interface Pod {
  readonly index: number;
  readonly cpu: Resource;
  readonly pool: Resource;
}

export interface World {
  /** The one request the single-request view follows; traffic builds its own per arrival. */
  readonly request: Scenario['request'];
  readonly wafMode: Scenario['waf']['mode'];
  /** The web ACL's rate-based rule, counting per client address; null when the scenario sets no limit (or no WAF). */
  readonly rateRule: RateRule | null;
  readonly cache: Scenario['cache'];
  readonly edgeCache: EdgeCache;
  readonly origin: Scenario['origin'];
  readonly albIdleTimeoutS: number;
  readonly proxyReadTimeoutS: number;
  readonly db: Omit<Scenario['db'], 'behaviour'>;
  readonly thirdPartyDelayMs: number;
  readonly timeoutMs: number;
  readonly retry: Scenario['retry'];
  readonly tls: Scenario['tls'];
  readonly connections: Scenario['connections'];
  readonly latency: Scenario['latency'];
  readonly conditions: Conditions;
  readonly pods: readonly Pod[];
  /** CloudFront around the edge location: every edge location's cache, Origin Shield, the origin group, edge functions. */
  readonly distribution: CloudFrontDistribution;
  /** The pod Nginx sends the next request to: round robin, nginx's default (ngx_http_upstream_module). */
  nextPod(): Pod;
  /** The CPU time of one request's handler. */
  appWorkMs(): number;
  /** The time the database spends on one statement, as things stand now. */
  statementMs(): number;
  /** The security groups and network ACLs every packet meets, with their verdicts so far (lib/sim/net/filters.ts). */
  readonly filters: PacketFilters;
  /** The breakers, bulkheads, retry quotas and fallback caches on the calling edges, per pod or per visitor. */
  readonly resilience: Resilience;
}

export interface WorldShape {
  pods: number;
  poolPerPod: number;
  /** Edge cache capacity in objects. */
  cacheCapacity: number;
  appSpread: Spread;
  dbSpread: Spread;
  /** Edge locations sharing the visitors (traffic runs); one when not given. */
  edgeLocations?: number;
}

/** The scenario's pods, pools and cache, with every time fixed: the single-request view, where nothing is drawn. */
export function singleRequestShape(scenario: Scenario): WorldShape {
  return { pods: scenario.app.pods, poolPerPod: scenario.app.pool, cacheCapacity: scenario.cache.capacity, appSpread: 'const', dbSpread: 'const' };
}

/**
 * The σ of the log-normal spread, on the log scale. *assumed*: σ = 1 gives a coefficient of variation of
 * √(e − 1) ≈ 1.31, a long tail like the service times measured in production systems.
 */
const LOGNORMAL_SIGMA = 1;

/** A draw with the given mean. Times stay exact to the microsecond, as the recorder rounds them. */
export function drawTime(spread: Spread, meanMs: number, random: Random): number {
  if (spread === 'const' || meanMs === 0) return meanMs;
  if (spread === 'exp') return -Math.log(1 - random.next()) * meanMs;
  // A log-normal with log-mean ln(m) − σ²/2 has mean m.
  return Math.exp(Math.log(meanMs) - (LOGNORMAL_SIGMA * LOGNORMAL_SIGMA) / 2 + LOGNORMAL_SIGMA * standardNormal(random));
}

/** The rate-based rule, with what the browser's address had sent before a single run (`waf.ipRequests`) already counted. */
function rateRuleFor(scenario: Scenario): RateRule | null {
  if (scenario.waf.mode === 'off' || scenario.waf.rateLimit === 0) return null;
  const rule = new RateRule(scenario.waf);
  rule.counter.seed(BROWSER_ADDRESS, scenario.waf.ipRequests, 0);
  return rule;
}

export function buildWorld(scenario: Scenario, kernel: Kernel, service: Random, shape: WorldShape): World {
  const conditions: Conditions = {
    db: scenario.db.behaviour,
    thirdParty: scenario.thirdParty.behaviour,
    originFailing: false,
    contentChanged: scenario.cache.changed,
    deploys: 0,
    dbFailover: null,
  };
  const pods: Pod[] = Array.from({ length: shape.pods }, (_, index) => ({ index, cpu: kernel.resource(1), pool: kernel.resource(shape.poolPerPod) }));
  let turn = 0;
  const distribution = buildDistribution(scenario, () => SIM_EPOCH_MS + kernel.now, shape.cacheCapacity, shape.edgeLocations ?? 1);
  return {
    request: scenario.request,
    wafMode: scenario.waf.mode,
    rateRule: rateRuleFor(scenario),
    cache: scenario.cache,
    edgeCache: distribution.locations[0]!,
    origin: scenario.origin,
    albIdleTimeoutS: scenario.alb.idleTimeoutS,
    proxyReadTimeoutS: scenario.proxy.readTimeoutS,
    db: { engine: scenario.db.engine, delayMs: scenario.db.delayMs, ha: scenario.db.ha, dnsTtlS: scenario.db.dnsTtlS, reconnectMs: scenario.db.reconnectMs },
    thirdPartyDelayMs: scenario.thirdParty.delayMs,
    timeoutMs: scenario.timeoutMs,
    retry: scenario.retry,
    tls: scenario.tls,
    connections: scenario.connections,
    latency: scenario.latency,
    conditions,
    pods,
    distribution,
    nextPod() {
      const pod = pods[turn]!;
      turn = (turn + 1) % pods.length;
      return pod;
    },
    appWorkMs: () => drawTime(shape.appSpread, scenario.latency.appWorkMs, service),
    statementMs: () => drawTime(shape.dbSpread, conditions.db === 'slow' ? scenario.db.delayMs : scenario.latency.dbQueryMs, service),
    filters: new PacketFilters(scenario.network, scenario.db.engine, scenario.seed),
    resilience: buildResilience(scenario.resilience, scenario.retry.layers, shape.pods),
  };
}
