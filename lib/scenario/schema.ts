/**
 * The scenario: everything the learner can set, as causes. The engine derives every outcome from it.
 * It is versioned (`v`) and validated with zod at every boundary: share links, scenario files, the CLI.
 *
 * Numbers marked *assumed* are teaching defaults, not measurements: they are knobs, never facts.
 */
// zod/mini: the same validation with a tree-shakable API, so the sandbox ships a fraction of zod's weight.
import { z } from 'zod/mini';

export const SCENARIO_VERSION = 1;

export const REQUEST_KINDS = ['api', 'static'] as const;
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const CACHE_STATES = ['empty', 'fresh', 'stale', 'off'] as const;
export const DB_BEHAVIOURS = ['ok', 'slow', 'down', 'deadlock'] as const;
export const DB_ENGINES = ['postgres', 'mysql', 'mongodb', 'redis', 'oracle'] as const;
export const THIRD_PARTY_BEHAVIOURS = ['ok', 'slow', 'error', 'down'] as const;
export const BACKOFFS = ['none', 'fixed', 'exponential'] as const;
export const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;
export const TLS_VERSIONS = ['1.2', '1.3'] as const;
export const CONNECTION_STATES = ['warm', 'cold'] as const;
export const RETRY_LAYERS = ['browser', 'db', 'thirdparty'] as const;
export const WAF_MODES = ['on', 'off', 'count'] as const;

export type RequestKind = (typeof REQUEST_KINDS)[number];
export type HttpMethod = (typeof METHODS)[number];
export type CacheState = (typeof CACHE_STATES)[number];
export type DbBehaviour = (typeof DB_BEHAVIOURS)[number];
export type DbEngine = (typeof DB_ENGINES)[number];
export type ThirdPartyBehaviour = (typeof THIRD_PARTY_BEHAVIOURS)[number];
export type Backoff = (typeof BACKOFFS)[number];
export type Jitter = (typeof JITTERS)[number];
export type TlsVersion = (typeof TLS_VERSIONS)[number];
export type ConnectionState = (typeof CONNECTION_STATES)[number];
export type RetryLayer = (typeof RETRY_LAYERS)[number];
export type WafMode = (typeof WAF_MODES)[number];

/** The longest payload a link or file may carry. AWS WAF on CloudFront inspects at most 64 KB of a body. */
export const MAX_PAYLOAD_LENGTH = 64 * 1024;
/** One hour of simulated time is far past every timeout the engine models. */
const MAX_MS = 3_600_000;

const ms = z.number().check(z.int(), z.minimum(0), z.maximum(MAX_MS));

export const latencySchema = z.object({
  /** Round trip browser ↔ nearest edge location. *assumed* */
  browserEdgeRttMs: z.number().check(z.int(), z.minimum(1), z.maximum(2000)),
  /** Round trip browser ↔ DNS resolver. *assumed* */
  dnsRttMs: z.number().check(z.int(), z.minimum(1), z.maximum(2000)),
  /** Round trip edge location ↔ origin region (over the AWS backbone). *assumed* */
  edgeOriginRttMs: z.number().check(z.int(), z.minimum(1), z.maximum(2000)),
  /** Round trip between hosts inside the VPC; AZs in a region are single-digit ms apart (AWS Fault Isolation Boundaries). *assumed* */
  vpcRttMs: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  /** Round trip app ↔ third-party API over the internet. *assumed* */
  thirdPartyRttMs: z.number().check(z.int(), z.minimum(1), z.maximum(2000)),
  /** Time the database spends on a healthy query. *assumed* */
  dbQueryMs: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
  /** Time the third party spends on a healthy call. *assumed* */
  thirdPartyWorkMs: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
  /** Time the app's own handler spends. *assumed* */
  appWorkMs: z.number().check(z.int(), z.minimum(0), z.maximum(10_000)),
});

export const scenarioSchema = z.object({
  v: z.literal(SCENARIO_VERSION),
  /** Every random draw (jitter, ages, ids) comes from this seed. */
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(2 ** 32 - 1)),
  request: z.object({
    kind: z.enum(REQUEST_KINDS),
    method: z.enum(METHODS),
    /** `benign`, `sqli`, `xss`, or any text. It goes in the query string (GET/HEAD/DELETE/OPTIONS) or the body. */
    payload: z.string().check(z.maxLength(MAX_PAYLOAD_LENGTH)),
    /** Whether the request carries an Idempotency-Key header (makes a POST safe to retry, RFC 9110 §9.2.2). */
    idempotencyKey: z.boolean(),
  }),
  /** `count` overrides the managed rule groups to COUNT: matches are recorded, nothing is blocked. */
  waf: z.object({ mode: z.enum(WAF_MODES) }),
  cache: z.object({
    /** What the edge holds for this URL before the request arrives. */
    state: z.enum(CACHE_STATES),
    /** The Cache-Control header the origin sends. */
    cacheControl: z.string().check(z.maxLength(512)),
    /** Whether the origin's content changed since the edge stored its copy (decides 304 vs 200 on revalidation). */
    changed: z.boolean(),
    /** CloudFront cache policy TTLs in seconds. Defaults 0 / 86400 / 31536000 (CloudFront CachePolicy API). */
    minTtl: z.number().check(z.int(), z.minimum(0), z.maximum(31_536_000)),
    defaultTtl: z.number().check(z.int(), z.minimum(0), z.maximum(31_536_000)),
    maxTtl: z.number().check(z.int(), z.minimum(0), z.maximum(31_536_000)),
  }),
  db: z.object({
    behaviour: z.enum(DB_BEHAVIOURS),
    engine: z.enum(DB_ENGINES),
    /** How long a slow query takes. */
    delayMs: ms,
  }),
  thirdParty: z.object({
    behaviour: z.enum(THIRD_PARTY_BEHAVIOURS),
    /** How long a slow third party takes to answer. */
    delayMs: ms,
  }),
  /**
   * CloudFront's origin settings (CloudFront API reference, `Origin` and `CustomOriginConfig`):
   * the origin response timeout (`OriginReadTimeout`, 1–120 s, default 30), `ConnectionAttempts`
   * (1–3, default 3) and `ConnectionTimeout` (1–10 s, default 10).
   */
  origin: z.object({
    responseTimeoutS: z.number().check(z.int(), z.minimum(1), z.maximum(120)),
    attempts: z.number().check(z.int(), z.minimum(1), z.maximum(3)),
    connectTimeoutS: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
  }),
  /** The ALB's idle timeout: 1–4000 s, default 60 (Elastic Load Balancing, "Connection idle timeout"). */
  alb: z.object({ idleTimeoutS: z.number().check(z.int(), z.minimum(1), z.maximum(4000)) }),
  /** Nginx `proxy_read_timeout`, default 60 s (nginx ngx_http_proxy_module). 3600 s is the knob's ceiling, not Nginx's. */
  proxy: z.object({ readTimeoutS: z.number().check(z.int(), z.minimum(1), z.maximum(3600)) }),
  /** The app's deadline for each downstream call (DB query, third-party call); 0 means it waits forever. */
  timeoutMs: ms,
  retry: z.object({
    /** The maximum number of attempts, the first included. */
    attempts: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
    backoff: z.enum(BACKOFFS),
    jitter: z.enum(JITTERS),
    baseMs: z.number().check(z.int(), z.minimum(0), z.maximum(60_000)),
    capMs: z.number().check(z.int(), z.minimum(0), z.maximum(600_000)),
    /** Where the policy applies: browser → API, app → DB, app → third party. */
    layers: z.array(z.enum(RETRY_LAYERS)).check(z.maxLength(RETRY_LAYERS.length)),
    /**
     * The naive rule "retry on 5xx": retry calls that are not idempotent too. Off by default, as every
     * careful client does; on, it shows how a retried POST without an Idempotency-Key writes twice.
     */
    unsafe: z.boolean(),
  }),
  tls: z.enum(TLS_VERSIONS),
  /** Whether the server side's connections (edge → origin, ALB → targets, the DB pool) are already open. */
  connections: z.enum(CONNECTION_STATES),
  latency: latencySchema,
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Latency = z.infer<typeof latencySchema>;
