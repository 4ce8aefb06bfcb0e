/**
 * The words a scenario is made of: every choice a cause can take. The field table (fields.ts) hands
 * them to the schema, the link, the controls and the test generators, so each list is written once.
 */

/** The scenario format's version, in files and links (`v`); older ones are migrated forward when read. */
export const SCENARIO_VERSION = 1;

/** `mix` is traffic only: one run of many requests, some API calls and some static files (`traffic.staticShare`). */
export const REQUEST_KINDS = ['api', 'static', 'mix'] as const;
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
/**
 * One request, told event by event; many requests over simulated seconds, summarised; or the backoff study
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015): clients racing to write one row.
 */
export const MODES = ['single', 'traffic', 'backoff-study'] as const;
/** The shape of a time's spread around its mean: none, exponential or lognormal. */
export const DISTRIBUTIONS = ['const', 'exp', 'lognormal'] as const;
/** What can happen at a moment of a traffic run (`traffic.timeline`); TIMELINE_ACTION_MEANINGS says what each is. */
export const TIMELINE_ACTIONS = [
  'deploy', 'invalidate', 'db-slow', 'db-down', 'db-ok', 'payments-slow', 'payments-down', 'payments-ok', 'origin-5xx', 'origin-ok',
  'attack-burst', 'attack-stop', 'bot-flood', 'bot-flood-stop', 'syn-flood', 'syn-flood-stop', 'db-failover',
  'spike', 'spike-end',
] as const;

/** Circuit-breaker libraries a calling edge can use (lib/sim/resilience/breaker.ts), or none. */
export const BREAKER_LIBRARIES = ['off', 'resilience4j', 'opossum'] as const;
/** What a caller serves when a call fails or is refused (lib/sim/resilience/fallback.ts). */
export const FALLBACKS = ['none', 'cache', 'stale', 'default'] as const;
/** A switch, written on or off in a link. */
export const SWITCHES = ['off', 'on'] as const;

/** Each timeline action in one line. The traffic engine (lib/traffic) decides what it does in detail. */
export const TIMELINE_ACTION_MEANINGS: Readonly<Record<(typeof TIMELINE_ACTIONS)[number], string>> = {
  deploy: 'A new version of the app is deployed: its pods are replaced.',
  invalidate: 'A CloudFront invalidation of cdn.invalidationPaths is issued; every edge location (and Origin Shield) drops the matching copies once it has propagated (traffic.invalidationDelayS).',
  'db-slow': 'The database turns slow, as db=slow.',
  'db-down': 'The database stops answering, as db=down.',
  'db-ok': 'The database is healthy again.',
  'payments-slow': 'The payments API turns slow, as thirdParty=slow.',
  'payments-down': 'The payments API refuses connections, as thirdParty=down.',
  'payments-ok': 'The payments API is healthy again.',
  'origin-5xx': 'The origin starts answering with server errors (5xx).',
  'origin-ok': 'The origin answers normally again.',
  'attack-burst': 'A burst of attacks begins: a share of the arrivals (traffic.burstShare) carry an SQL injection or a cross-site script.',
  'attack-stop': 'The burst of attacks ends.',
  'bot-flood': 'An HTTP GET flood begins: bots on a few addresses (traffic.botIps) send traffic.botRate requests a second that miss the cache.',
  'bot-flood-stop': 'The bots stop.',
  'syn-flood': 'A SYN flood (layer 4) begins at traffic.synRate packets a second; Shield Standard absorbs it at the edge.',
  'syn-flood-stop': 'The SYN flood ends.',
  'db-failover': 'The database\'s primary fails and RDS fails over to the standby (db.ha); requests fail until each pod reaches the new primary.',
  spike: 'A spike of visitors begins: they arrive traffic.spikeFactor times as fast.',
  'spike-end': 'The spike ends: visitors arrive at the usual rate again.',
};

/**
 * The status codes an origin group may fail over on (CloudFront Developer Guide, "Optimize high availability with
 * CloudFront origin failover"). A failed connection or a timeout fails over whatever is chosen.
 */
export const FAILOVER_STATUS_CODES = ['400', '403', '404', '416', '500', '502', '503', '504'] as const;
/** Where CloudFront Functions can run: viewer events only (CloudFront Developer Guide, "Choosing between CloudFront Functions and Lambda@Edge"). */
export const CLOUDFRONT_FUNCTION_EVENTS = ['viewer-request', 'viewer-response'] as const;
/** Where Lambda@Edge can run: the viewer events and the origin events (same page). */
export const LAMBDA_EDGE_EVENTS = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'] as const;
/** What a rate-based rule does to requests from an address over its limit (AWS WAF rule actions; Allow is not offered for it). */
export const RATE_ACTIONS = ['block', 'captcha', 'challenge', 'count'] as const;
/**
 * The evaluation windows a rate-based rule may look back over, in seconds (AWS WAF Developer Guide, "Rate-based rule
 * high-level settings": 60, 120, 300 or 600, 300 by default).
 */
export const RATE_WINDOWS_S = [60, 120, 300, 600] as const;
/** The smallest limit a rate-based rule takes (AWS WAF API Reference, RateBasedStatement: Limit, 10 to 2,000,000,000). */
export const RATE_LIMIT_MIN = 10;
/** How the database stands by: a Multi-AZ DB instance (one standby) or a Multi-AZ DB cluster (two readable standbys). */
export const DB_HA_KINDS = ['instance', 'cluster'] as const;

/** Each engine's name as its makers write it. */
export const DB_ENGINE_LABELS: Readonly<Record<(typeof DB_ENGINES)[number], string>> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  mongodb: 'MongoDB',
  redis: 'Redis',
  oracle: 'Oracle',
};

/**
 * Each engine's default TCP port: IANA's Service Name and Transport Protocol Port Number Registry for
 * postgresql (5432), mysql (3306), mongodb (27017) and redis (6379); Oracle Net's default listener port, 1521
 * (Oracle Database Net Services Administrator's Guide, "Default Port Numbers").
 */
export const DB_PORTS: Readonly<Record<(typeof DB_ENGINES)[number], number>> = {
  postgres: 5432,
  mysql: 3306,
  mongodb: 27017,
  redis: 6379,
  oracle: 1521,
};

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
export type Mode = (typeof MODES)[number];
export type Distribution = (typeof DISTRIBUTIONS)[number];
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];
export type BreakerLibrary = (typeof BREAKER_LIBRARIES)[number];
export type Fallback = (typeof FALLBACKS)[number];
export type Switch = (typeof SWITCHES)[number];
export type FailoverStatusCode = (typeof FAILOVER_STATUS_CODES)[number];
export type EdgeFunctionEvent = (typeof LAMBDA_EDGE_EVENTS)[number];
export type RateAction = (typeof RATE_ACTIONS)[number];
export type DbHaKind = (typeof DB_HA_KINDS)[number];
