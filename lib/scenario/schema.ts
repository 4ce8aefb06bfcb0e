/**
 * The scenario: everything the learner can set, as causes. The engine derives every outcome from it.
 * It is versioned (`v`) and validated with zod at every boundary: share links, scenario files, the CLI.
 *
 * Numbers marked *assumed* are teaching defaults, not measurements: they are knobs, never facts.
 */
// zod/mini: the same validation with a tree-shakable API, so the sandbox ships a fraction of zod's weight.
import { z } from 'zod/mini';
import type { EnumField, IntField, ListField, TextField } from './field-kinds';
import { FIELDS } from './fields';

export const SCENARIO_VERSION = 1;

export * from './vocabulary';
export { MAX_PAYLOAD_LENGTH } from './fields';

/** Each setting's validator, from its entry in the field table: one source for bounds and choices. */
const int = (field: IntField) => z.number().check(z.int(), z.minimum(field.min), z.maximum(field.max));
const oneOf = <V extends string>(field: EnumField<V>) => z.enum(field.values);
const text = (field: TextField) => z.string().check(z.maxLength(field.maxLength));
const subset = <V extends string>(field: ListField<V>) => z.array(z.enum(field.values)).check(z.maxLength(field.values.length));

/** CloudFront refuses a cache policy whose TTLs are out of order (CloudFront CachePolicy API, MinTTL/DefaultTTL/MaxTTL). */
const TTL_ORDER = 'CloudFront needs minTtl ≤ defaultTtl ≤ maxTtl';

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
  /** Time the app's own handler spends. *assumed* */
  appWorkMs: int(F['latency.appWorkMs']),
});

export const cacheSchema = z
  .object({
    /** What the edge holds for this URL before the request arrives. */
    state: oneOf(F['cache.state']),
    /** The Cache-Control header the origin sends. */
    cacheControl: text(F['cache.cacheControl']),
    /** Whether the origin's content changed since the edge stored its copy (decides 304 vs 200 on revalidation). */
    changed: z.boolean(),
    /** CloudFront cache policy TTLs in seconds. Defaults 0 / 86400 / 31536000 (CloudFront CachePolicy API). */
    minTtl: int(F['cache.minTtl']),
    defaultTtl: int(F['cache.defaultTtl']),
    maxTtl: int(F['cache.maxTtl']),
  })
  // The one rule across fields, kept here so files and links both get it: reported on minTtl, so a file's
  // error names `cache.minTtl`; the link codec checks the cache on its own and resets the three TTLs.
  .check(z.refine((c) => c.minTtl <= c.defaultTtl && c.defaultTtl <= c.maxTtl, { message: TTL_ORDER, path: ['minTtl'] }));

export const scenarioSchema = z.object({
  v: z.literal(SCENARIO_VERSION),
  /** Every random draw (jitter, ages, ids) comes from this seed. */
  seed: int(F.seed),
  request: z.object({
    kind: oneOf(F['request.kind']),
    method: oneOf(F['request.method']),
    /** `benign`, `sqli`, `xss`, or any text. It goes in the query string (GET/HEAD/DELETE/OPTIONS) or the body. */
    payload: text(F['request.payload']),
    /** Whether the request carries an Idempotency-Key header (makes a POST safe to retry, RFC 9110 §9.2.2). */
    idempotencyKey: z.boolean(),
  }),
  /** `count` overrides the managed rule groups to COUNT: matches are recorded, nothing is blocked. */
  waf: z.object({ mode: oneOf(F['waf.mode']) }),
  cache: cacheSchema,
  db: z.object({
    behaviour: oneOf(F['db.behaviour']),
    engine: oneOf(F['db.engine']),
    /** How long a slow query takes. */
    delayMs: int(F['db.delayMs']),
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
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Latency = z.infer<typeof latencySchema>;
