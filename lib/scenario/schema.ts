/**
 * The scenario: everything the learner can set, as causes. The engine derives every outcome from it.
 * It is versioned (`v`) and validated with zod at every boundary: share links, scenario files, the CLI.
 *
 * Numbers marked *assumed* are teaching defaults, not measurements: they are knobs, never facts.
 */
// zod/mini: the same validation with a tree-shakable API, so the sandbox ships a fraction of zod's weight.
import { z } from 'zod/mini';
import { hasAtMostDecimals, inTimeOrder, type EnumField, type IntField, type ListField, type NumField, type ScheduleField, type TextField } from './field-kinds';
import { FIELDS } from './fields';
import { NACL_ACTIONS, naclRulesProblem, RULE_DIRECTIONS, RULE_PROTOCOLS, sgRulesProblem, type NaclRuleSpec, type SgRuleSpec } from './network-rules';
import { RULES } from './rules';
import { SCENARIO_VERSION } from './vocabulary';

export * from './vocabulary';
export { MAX_PAYLOAD_LENGTH } from './fields';

/** Each setting's validator, from its entry in the field table: one source for bounds and choices. */
const int = (field: IntField) => z.number().check(z.int(), z.minimum(field.min), z.maximum(field.max));
const decimal = (min: number, max: number, decimals: number) =>
  z.number().check(z.minimum(min), z.maximum(max), z.refine((v) => hasAtMostDecimals(v, decimals), { message: `expected at most ${decimals} digits after the point` }));
const num = (field: NumField) => decimal(field.min, field.max, field.decimals);
const oneOf = <V extends string>(field: EnumField<V>) => z.enum(field.values);
const text = (field: TextField) =>
  field.pattern ? z.string().check(z.maxLength(field.maxLength), z.regex(field.pattern, { message: `expected ${field.expected}` })) : z.string().check(z.maxLength(field.maxLength));
const subset = <V extends string>(field: ListField<V>) => z.array(z.enum(field.values)).check(z.maxLength(field.values.length));
/** Moments in any order, at most `maxEntries` of them; what passes is in time order, ties in the order given. */
const schedule = <A extends string>(field: ScheduleField<A>) =>
  z.pipe(
    z.array(z.strictObject({ atS: decimal(0, field.maxS, field.decimals), action: z.enum(field.actions) })).check(z.maxLength(field.maxEntries)),
    z.transform((moments) => inTimeOrder(moments)),
  );

/** A list of rules, each of the shape given, checked as AWS would (network-rules.ts): the first problem is the message. */
const ruleSet = <R>(rule: z.ZodMiniType<R>, problem: (rules: R[]) => string | null) =>
  z.array(rule).check(
    z.superRefine((rules, ctx) => {
      const message = problem(rules);
      if (message) ctx.issues.push({ code: 'custom', message, input: rules });
    }),
  );
const ruleTraffic = { dir: z.enum(RULE_DIRECTIONS), protocol: z.enum(RULE_PROTOCOLS), ports: z.optional(z.string().check(z.maxLength(11))) };
/** The rules take no bounds from their entries: what AWS accepts is the same for every group and every ACL. */
const sgRules = ruleSet<SgRuleSpec>(z.strictObject({ ...ruleTraffic, peer: z.string().check(z.maxLength(64)) }), sgRulesProblem);
const naclRules = ruleSet<NaclRuleSpec>(z.strictObject({ ...ruleTraffic, number: z.number(), action: z.enum(NACL_ACTIONS), cidr: z.string().check(z.maxLength(18)) }), naclRulesProblem);

const F = FIELDS;

export const latencySchema = z.object({
  /** Round trip browser ↔ nearest edge location. *assumed* */
  browserEdgeRttMs: int(F['latency.browserEdgeRttMs']),
  /** Round trip browser ↔ DNS resolver. *assumed* */
  dnsRttMs: int(F['latency.dnsRttMs']),
  /** Round trip edge location ↔ origin region (over the AWS backbone). *assumed* */
  edgeOriginRttMs: int(F['latency.edgeOriginRttMs']),
  /** Round trip between hosts inside the VPC; AZs in a region are single-digit ms apart (AWS Fault Isolation Boundaries). *assumed* */
  vpcRttMs: int(F['latency.vpcRttMs']),
  /** Round trip app ↔ third-party API over the internet. *assumed* */
  thirdPartyRttMs: int(F['latency.thirdPartyRttMs']),
  /** Time the database spends on a healthy query. *assumed* */
  dbQueryMs: int(F['latency.dbQueryMs']),
  /** Time the third party spends on a healthy call. *assumed* */
  thirdPartyWorkMs: int(F['latency.thirdPartyWorkMs']),
  /** Time the app's own handler spends: in a traffic run, the mean CPU time of one request in a pod. *assumed* */
  appWorkMs: int(F['latency.appWorkMs']),
});

const cacheSchema = z.object({
  /** What the edge holds for this URL before the request arrives. */
  state: oneOf(F['cache.state']),
  /** The Cache-Control header the origin sends. */
  cacheControl: text(F['cache.cacheControl']),
  /** Whether the origin's content changed since the edge stored its copy (decides 304 vs 200 on revalidation). */
  changed: z.boolean(),
  /** CloudFront cache policy TTLs in seconds. Defaults 0 / 86400 / 31536000 (CloudFront CachePolicy API). They must be ordered (rules.ts). */
  minTtl: int(F['cache.minTtl']),
  defaultTtl: int(F['cache.defaultTtl']),
  maxTtl: int(F['cache.maxTtl']),
  /** How many objects the edge location holds before it evicts the least recently used. Traffic runs only. */
  capacity: int(F['cache.capacity']),
});

/** A traffic run: many requests over simulated seconds. A single run ignores all of it. */
const trafficSchema = z.object({
  /** Mean arrivals per second of a Poisson process. */
  rate: num(F['traffic.rate']),
  /** Simulated seconds of arrivals. */
  durationS: int(F['traffic.durationS']),
  /** The first seconds, left out of the summary; shorter than the run (rules.ts). */
  warmupS: int(F['traffic.warmupS']),
  /** The share of requests that ask for a static file when `request.kind` is `mix`. */
  staticShare: num(F['traffic.staticShare']),
  /** How many distinct URLs requests spread over. */
  objects: int(F['traffic.objects']),
  /** Their popularity's Zipf exponent; 0 is uniform. */
  zipf: num(F['traffic.zipf']),
  /** The share of requests whose payload is an SQL injection. */
  attackShare: num(F['traffic.attackShare']),
  /** How the app's CPU time per request (`latency.appWorkMs`, its mean) is spread. */
  appDist: oneOf(F['traffic.appDist']),
  /** How the query time is spread; its mean is the query time that applies (`latency.dbQueryMs`, or `db.delayMs` while slow). */
  dbDist: oneOf(F['traffic.dbDist']),
  /** How long an invalidation takes to reach every edge location. *assumed* */
  invalidationDelayS: int(F['traffic.invalidationDelayS']),
  /** What happens when, in time order once validated. */
  timeline: schedule(F['traffic.timeline']),
  /** How many distinct addresses the ordinary arrivals come from. *assumed* */
  visitors: int(F['traffic.visitors']),
  /** Requests a second the bots send during a `bot-flood`, over all their addresses. *assumed* */
  botRate: int(F['traffic.botRate']),
  /** How many addresses the bots send from. *assumed* */
  botIps: int(F['traffic.botIps']),
  /** SYN packets a second during a `syn-flood`. *assumed* */
  synRate: int(F['traffic.synRate']),
  /** The share of arrivals that carry an attack during an `attack-burst`. *assumed* */
  burstShare: num(F['traffic.burstShare']),
  /** How many times the usual rate visitors arrive at between a `spike` and a `spike-end`. *assumed* */
  spikeFactor: num(F['traffic.spikeFactor']),
});

/**
 * Resilience patterns on the calling edges (browser → API, app → database, app → payments API): a circuit breaker,
 * a bulkhead, a fallback and the AWS SDK's retry quota (lib/sim/resilience). All off by default.
 */
const resilienceSchema = z.object({
  /** `off`, or the library whose breaker guards the edges in `breakerAt`. */
  breaker: oneOf(F['resilience.breaker']),
  breakerAt: subset(F['resilience.breakerAt']),
  /** resilience4j's CircuitBreakerConfig: failureRateThreshold (%), slidingWindowSize (COUNT_BASED), minimumNumberOfCalls, waitDurationInOpenState, permittedNumberOfCallsInHalfOpenState, slowCallDurationThreshold, slowCallRateThreshold (%). */
  failureRate: int(F['resilience.failureRate']),
  slidingWindow: int(F['resilience.slidingWindow']),
  minCalls: int(F['resilience.minCalls']),
  openWaitMs: int(F['resilience.openWaitMs']),
  halfOpenCalls: int(F['resilience.halfOpenCalls']),
  slowCallMs: int(F['resilience.slowCallMs']),
  slowRate: int(F['resilience.slowRate']),
  /** opossum's options: errorThresholdPercentage, resetTimeout, rollingCountTimeout, rollingCountBuckets, volumeThreshold. */
  errorPercent: int(F['resilience.errorPercent']),
  trialAfterMs: int(F['resilience.trialAfterMs']),
  rollingWindowMs: int(F['resilience.rollingWindowMs']),
  rollingBuckets: int(F['resilience.rollingBuckets']),
  volumeThreshold: int(F['resilience.volumeThreshold']),
  /** Calls at once on each edge in `bulkheadAt`; 0 is no bulkhead. */
  bulkhead: int(F['resilience.bulkhead']),
  bulkheadAt: subset(F['resilience.bulkheadAt']),
  /** What a caller in `fallbackAt` serves when its call fails or is refused. */
  fallback: oneOf(F['resilience.fallback']),
  fallbackAt: subset(F['resilience.fallbackAt']),
  /** How long `cache` serves a kept answer. *assumed* */
  fallbackTtlS: int(F['resilience.fallbackTtlS']),
  /** The AWS SDK's standard retry quota, at every layer that retries. */
  retryQuota: oneOf(F['resilience.retryQuota']),
});

/**
 * CloudFront at scale (docs/scenario-format.md, "CloudFront at scale"). Every default leaves the distribution as
 * plain as before: one edge location, no Origin Shield, no origin group, no edge functions, invalidations of /*.
 */
const cdnSchema = z.object({
  /** Traffic runs: how many edge locations share the visitors, evenly. A single run meets one. */
  edgeLocations: int(F['cdn.edgeLocations']),
  /** A regional cache tier between the edge locations and the origin (CloudFront Developer Guide, "Use Amazon CloudFront Origin Shield"). */
  originShield: z.boolean(),
  /** Round trip edge location ↔ Origin Shield. *assumed* */
  originShieldRttMs: int(F['cdn.originShieldRttMs']),
  /** How many objects Origin Shield holds before it evicts the least recently used. *assumed* */
  originShieldCapacity: int(F['cdn.originShieldCapacity']),
  /** An origin group: a secondary origin for GET, HEAD and OPTIONS when the primary fails. */
  originGroup: z.boolean(),
  /** The primary's status codes that fail over; a failed connection or a timeout always does. */
  failoverOn: subset(F['cdn.failoverOn']),
  /** What an invalidation on the timeline removes: comma-separated paths, `*` only at the end. */
  invalidationPaths: text(F['cdn.invalidationPaths']),
  /** The events a CloudFront Function runs on, and how long one run takes. *assumed* */
  cfFunctions: subset(F['cdn.cfFunctions']),
  cfFunctionMs: num(F['cdn.cfFunctionMs']),
  /** The events a Lambda@Edge function runs on; how long a run takes, and what a cold start adds. *assumed* */
  lambdaEdge: subset(F['cdn.lambdaEdge']),
  lambdaMs: int(F['cdn.lambdaMs']),
  lambdaColdStartMs: int(F['cdn.lambdaColdStartMs']),
});

const scenarioShape = z.object({
  v: z.literal(SCENARIO_VERSION),
  /** Every random draw (jitter, ages, ids) comes from this seed. */
  seed: int(F.seed),
  /** `single`: one request, told event by event. `traffic`: many requests (`traffic`), summarised. */
  mode: oneOf(F.mode),
  request: z.object({
    kind: oneOf(F['request.kind']),
    method: oneOf(F['request.method']),
    /** `benign`, `sqli`, `xss`, or any text. It goes in the query string (GET/HEAD/DELETE/OPTIONS) or the body. */
    payload: text(F['request.payload']),
    /** Whether the request carries an Idempotency-Key header (makes a POST safe to retry, RFC 9110 §9.2.2). */
    idempotencyKey: z.boolean(),
  }),
  /** `count` overrides the managed rule groups to COUNT: matches are recorded, nothing is blocked. */
  waf: z.object({
    mode: oneOf(F['waf.mode']),
    /** A rate-based rule's limit per client address and evaluation window; 0 means the web ACL has none (rules.ts: else at least 10). */
    rateLimit: int(F['waf.rateLimit']),
    /** How far back the rule counts: 60, 120, 300 or 600 s (rules.ts). */
    rateWindowS: int(F['waf.rateWindowS']),
    rateAction: oneOf(F['waf.rateAction']),
    /** How long a solved CAPTCHA or challenge keeps the client's token valid. */
    immunityS: int(F['waf.immunityS']),
    /** One request only: what the rule had counted for the browser's address before it. */
    ipRequests: int(F['waf.ipRequests']),
  }),
  cache: cacheSchema,
  db: z.object({
    behaviour: oneOf(F['db.behaviour']),
    engine: oneOf(F['db.engine']),
    /** How long a slow query takes. */
    delayMs: int(F['db.delayMs']),
    /** What a `db-failover` fails over to: a Multi-AZ DB instance's standby or a Multi-AZ DB cluster's reader. */
    ha: oneOf(F['db.ha']),
    /** How long the app keeps the endpoint's address before it asks DNS again. */
    dnsTtlS: int(F['db.dnsTtlS']),
    /** How often the driver tries to reconnect once its connections fail. *assumed* */
    reconnectMs: int(F['db.reconnectMs']),
  }),
  thirdParty: z.object({
    behaviour: oneOf(F['thirdParty.behaviour']),
    /** How long a slow third party takes to answer. */
    delayMs: int(F['thirdParty.delayMs']),
  }),
  /**
   * CloudFront's origin settings (CloudFront API reference, `Origin` and `CustomOriginConfig`):
   * the origin response timeout (`OriginReadTimeout`, 1–120 s, default 30), `ConnectionAttempts`
   * (1–3, default 3) and `ConnectionTimeout` (1–10 s, default 10).
   */
  origin: z.object({
    responseTimeoutS: int(F['origin.responseTimeoutS']),
    attempts: int(F['origin.attempts']),
    connectTimeoutS: int(F['origin.connectTimeoutS']),
  }),
  /** The ALB's idle timeout: 1–4000 s, default 60 (Elastic Load Balancing, "Connection idle timeout"). */
  alb: z.object({ idleTimeoutS: int(F['alb.idleTimeoutS']) }),
  /** Nginx `proxy_read_timeout`, default 60 s (nginx ngx_http_proxy_module). 3600 s is the knob's ceiling, not Nginx's. */
  proxy: z.object({ readTimeoutS: int(F['proxy.readTimeoutS']) }),
  /** The app's deadline for each downstream call (DB query, third-party call); 0 means it waits forever. */
  timeoutMs: int(F.timeoutMs),
  retry: z.object({
    /** The maximum number of attempts, the first included. */
    attempts: int(F['retry.attempts']),
    backoff: oneOf(F['retry.backoff']),
    jitter: oneOf(F['retry.jitter']),
    baseMs: int(F['retry.baseMs']),
    capMs: int(F['retry.capMs']),
    /** Where the policy applies: browser → API, app → DB, app → third party. */
    layers: subset(F['retry.layers']),
    /**
     * The naive rule "retry on 5xx": retry calls that are not idempotent too. Off by default, as every
     * careful client does; on, it shows how a retried POST without an Idempotency-Key writes twice.
     */
    unsafe: z.boolean(),
  }),
  tls: oneOf(F.tls),
  /** Whether the server side's connections (edge → origin, ALB → targets, the DB pool) are already open. */
  connections: oneOf(F.connections),
  latency: latencySchema,
  /** The app tier. Traffic runs only: a single run's request meets one pod and its pool. */
  app: z.object({
    pods: int(F['app.pods']),
    /** Database connections in each pod's pool. */
    pool: int(F['app.pool']),
  }),
  traffic: trafficSchema,
  /** The backoff study (`mode: backoff-study`): clients racing to write one row. Every other mode ignores it. */
  backoffStudy: z.object({
    /** How many clients each write the row once. */
    clients: int(F['backoffStudy.clients']),
  }),
  /**
   * The network's filters, evaluated on every packet that crosses into, out of or inside the VPC: each security
   * group's rules and each tier's network ACL (network-rules.ts).
   */
  network: z.object({
    sgAlb: sgRules,
    sgWeb: sgRules,
    sgApp: sgRules,
    sgDb: sgRules,
    naclPublic: naclRules,
    naclApp: naclRules,
    naclData: naclRules,
  }),
  resilience: resilienceSchema,
  cdn: cdnSchema,
});

export type Scenario = z.infer<typeof scenarioShape>;
export type Latency = z.infer<typeof latencySchema>;

/** The scenario with the rules across fields (rules.ts), each reported on its own path. */
export const scenarioSchema = scenarioShape.check(...RULES.map((rule) => z.refine<Scenario>(rule.holds, { message: rule.message, path: rule.path.split('.') })));
