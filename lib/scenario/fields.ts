/**
 * The field table: every setting of a scenario, described once. Keyed by its path in the scenario, in the
 * order the share link writes them. The schema takes its bounds and choices from here, the link codec its
 * parameters, the controls their labels, units, hints and options, the test generators their ranges.
 *
 * To add a setting: give it an entry here, use that entry in the schema's shape (schema.ts) and give it a
 * default (defaults.ts). paths.ts does not compile while a scenario path has no entry, or one of the wrong
 * kind. Then document its parameter in docs/scenario-format.md and add it to the pinned list of public
 * names in fields.test.ts; tests check both. A rule that ties it to other settings goes in rules.ts.
 */
import { DB_ENGINE_LABELS, DB_PORTS, TIMELINE_ACTION_MEANINGS } from './vocabulary';
import { CLOUDFRONT_FUNCTION_EVENTS, FAILOVER_STATUS_CODES, LAMBDA_EDGE_EVENTS } from './vocabulary';
import { choice, int, list, networkAcl, num, schedule, securityGroup, text, yesNo } from './field-kinds';
import {
  BACKOFFS,
  BREAKER_LIBRARIES,
  CACHE_STATES,
  CONNECTION_STATES,
  DB_BEHAVIOURS,
  DB_ENGINES,
  DISTRIBUTIONS,
  FALLBACKS,
  JITTERS,
  METHODS,
  MODES,
  REQUEST_KINDS,
  RETRY_LAYERS,
  SWITCHES,
  THIRD_PARTY_BEHAVIOURS,
  TIMELINE_ACTIONS,
  TLS_VERSIONS,
  WAF_MODES,
} from './vocabulary';
import { DB_HA_KINDS, RATE_ACTIONS } from './vocabulary';

/** The longest payload a link or file may carry. AWS WAF on CloudFront inspects at most 64 KB of a body. */
export const MAX_PAYLOAD_LENGTH = 64 * 1024;
/** The largest limit a rate-based rule takes (AWS WAF API Reference, RateBasedStatement: Limit). */
const RATE_LIMIT_MAX = 2_000_000_000;
/** One hour of simulated time is far past every timeout the engine models. */
const MAX_MS = 3_600_000;
/** CloudFront's largest TTL, one year (CloudFront CachePolicy API). */
const MAX_TTL = 31_536_000;

const ms = { unit: 'ms', min: 0, max: MAX_MS } as const;
const ttl = { unit: 's', min: 0, max: MAX_TTL } as const;
/** The assumed latencies are teaching defaults, never measurements (AZs in a region are single-digit ms apart: AWS Fault Isolation Boundaries whitepaper), so each is a knob. */
const latency = { group: 'latency', unit: 'ms', min: 1, max: 2000 } as const;
/** A day of simulated time: the longest traffic run, and the latest moment on its timeline. */
const DAY_S = 86_400;
const share = { min: 0, max: 1, decimals: 3 } as const;
const spread = { values: DISTRIBUTIONS, options: { const: 'Constant: always the mean', exp: 'Exponential around the mean', lognormal: 'Lognormal around the mean' } } as const;

const SG_HINT = 'Allow rules only, all of them evaluated, stateful: in:tcp:5432:sg-app,out:all:0.0.0.0/0.';
const NACL_HINT = 'Numbered, lowest first, first match wins, * denies, stateless: in:100:allow:tcp:5432:10.0.21.0/24,out:100:allow:tcp:1024-65535:10.0.21.0/24.';

/** The calling edges a resilience pattern can guard: the same three that can retry. */
const CALLING_EDGES = { browser: 'Browser → API', db: 'App → database', thirdparty: 'App → payments API' } as const;
const resilience4j = (name: string, defaultText: string) => `${defaultText} (resilience4j CircuitBreakerConfig, ${name}).`;
const opossum = (name: string, defaultText: string) => `${defaultText} (opossum README, options.${name}).`;

// A traffic run's settings sit in groups only traffic mode shows, the backoff study's in one of its own
// (field-kinds.ts, GROUPS). `mode` has a switch of its own above the controls.

export const FIELDS = {
  mode: choice({
    param: 'mode',
    values: MODES,
    label: 'Run',
    options: { single: 'One request, event by event', traffic: 'Traffic: many requests, summarised', 'backoff-study': 'The backoff study: clients race to write one row' },
  }),
  'request.kind': choice({
    param: 'kind',
    values: REQUEST_KINDS,
    group: 'request',
    label: 'What the browser asks for',
    options: { api: 'API: GET /api/profile (JSON)', static: 'Static file: /static/app.js', mix: 'A mix of both' },
    // A mix needs mode=traffic (rules.ts).
    trafficOnly: ['mix'],
  }),
  'request.method': choice({ param: 'method', values: METHODS, group: 'request', label: 'Method' }),
  'request.payload': text({
    param: 'payload',
    maxLength: MAX_PAYLOAD_LENGTH,
    expected: `text of at most ${MAX_PAYLOAD_LENGTH / 1024} KB`,
    group: 'request',
    label: 'Payload',
    hint: 'Sent as q=… in the query string, or in the body for POST, PUT and PATCH.',
  }),
  'request.idempotencyKey': yesNo({ param: 'idem', group: 'request', label: 'Send an Idempotency-Key', hint: 'Makes a POST safe to retry (RFC 9110 §9.2.2).' }),

  'waf.mode': choice({
    param: 'waf',
    values: WAF_MODES,
    group: 'edge',
    label: 'AWS WAF',
    options: { on: 'On: managed rules block', count: 'Count only: log matches, block nothing', off: 'Off' },
  }),
  'cache.state': choice({
    param: 'cache',
    values: CACHE_STATES,
    group: 'edge',
    label: 'What the edge holds',
    options: { empty: 'Empty: no copy yet', fresh: 'Fresh copy stored', stale: 'Stale copy stored', off: 'Caching disabled' },
  }),
  'cache.cacheControl': text({
    param: 'cacheControl',
    maxLength: 512,
    singleLine: true,
    expected: 'one header value of at most 512 characters',
    group: 'edge',
    label: "Origin's Cache-Control",
    hint: 'Try no-store, max-age=0, s-maxage=300 or stale-while-revalidate=60.',
  }),
  'cache.changed': yesNo({
    param: 'changed',
    group: 'edge',
    label: 'Origin data changed since the copy was stored',
    hint: 'Decides 304 Not Modified or a new 200 when a stale copy is revalidated.',
  }),
  // No controls: the three must stay ordered (schema.ts), and boxes edited one at a time would pass through
  // orders CloudFront refuses. Links and files set them together.
  'cache.minTtl': int({ param: 'minTtl', label: 'Minimum TTL', ...ttl }),
  'cache.defaultTtl': int({ param: 'defaultTtl', label: 'Default TTL', ...ttl }),
  'cache.maxTtl': int({ param: 'maxTtl', label: 'Maximum TTL', ...ttl }),

  'origin.responseTimeoutS': int({
    param: 'originTimeout',
    group: 'origin',
    label: 'Origin response timeout',
    unit: 's',
    min: 1,
    max: 120,
    hint: 'How long CloudFront waits for the origin to answer. CloudFront’s default is 30 s (CloudFront API reference, CustomOriginConfig: OriginReadTimeout).',
  }),
  'origin.attempts': int({
    param: 'originAttempts',
    group: 'origin',
    label: 'Connection attempts',
    min: 1,
    max: 3,
    hint: 'How many times CloudFront tries to open a connection to the origin. The default is 3 (CloudFront API reference, Origin: ConnectionAttempts).',
  }),
  'origin.connectTimeoutS': int({
    param: 'originConnectTimeout',
    group: 'origin',
    label: 'Connection timeout',
    unit: 's',
    min: 1,
    max: 10,
    hint: 'How long CloudFront waits for each of those connections to open. The default is 10 s (CloudFront API reference, Origin: ConnectionTimeout).',
  }),
  'alb.idleTimeoutS': int({
    param: 'albIdle',
    group: 'proxies',
    label: 'ALB idle timeout',
    unit: 's',
    min: 1,
    max: 4000,
    hint: 'The ALB closes a connection on which nothing arrives for this long. The default is 60 s (Elastic Load Balancing User Guide, “Connection idle timeout”).',
  }),
  'proxy.readTimeoutS': int({
    param: 'proxyRead',
    group: 'proxies',
    label: 'Nginx proxy_read_timeout',
    unit: 's',
    min: 1,
    max: 3600,
    hint: 'How long Nginx waits for the app between two reads of its answer. The default is 60 s (nginx, ngx_http_proxy_module).',
  }),

  'db.behaviour': choice({
    param: 'db',
    values: DB_BEHAVIOURS,
    group: 'database',
    label: 'Behaviour',
    options: { ok: 'Healthy', slow: 'Slow', down: 'Down (no answer)', deadlock: 'Deadlock on first try' },
  }),
  'db.engine': choice({
    param: 'dbms',
    values: DB_ENGINES,
    group: 'database',
    label: 'Engine',
    options: Object.fromEntries(DB_ENGINES.map((e) => [e, `${DB_ENGINE_LABELS[e]} (TCP ${DB_PORTS[e]})`])) as Record<(typeof DB_ENGINES)[number], string>,
  }),
  'db.delayMs': int({ param: 'dbDelay', group: 'database', label: 'Slow query takes', ...ms }),

  'thirdParty.behaviour': choice({
    param: 'thirdParty',
    values: THIRD_PARTY_BEHAVIOURS,
    group: 'payments',
    label: 'Behaviour',
    options: { ok: 'Healthy', slow: 'Slow', error: 'Answers 503', down: 'Down (refuses connections)' },
  }),
  'thirdParty.delayMs': int({ param: 'tpDelay', group: 'payments', label: 'Slow answer takes', ...ms }),

  timeoutMs: int({ param: 'timeout', group: 'retries', label: 'App timeout per downstream call', ...ms, unit: 'ms, 0 = wait forever' }),
  'retry.attempts': int({ param: 'attempts', group: 'retries', label: 'Maximum attempts', unit: 'first included', min: 1, max: 10 }),
  'retry.backoff': choice({ param: 'backoff', values: BACKOFFS, group: 'retries', label: 'Backoff' }),
  'retry.jitter': choice({ param: 'jitter', values: JITTERS, group: 'retries', label: 'Jitter' }),
  'retry.baseMs': int({ param: 'base', group: 'retries', label: 'Base', unit: 'ms', min: 0, max: 60_000, half: true }),
  'retry.capMs': int({ param: 'cap', group: 'retries', label: 'Cap', unit: 'ms', min: 0, max: 600_000, half: true }),
  'retry.layers': list({
    param: 'retryAt',
    values: RETRY_LAYERS,
    group: 'retries',
    label: 'Who retries',
    options: { browser: 'Browser → API', db: 'App → database', thirdparty: 'App → payments API' },
  }),
  'retry.unsafe': yesNo({
    param: 'retryUnsafe',
    group: 'retries',
    label: 'Retry calls that are not idempotent too',
    hint: 'The naive rule “retry on 5xx”. Careful clients leave it off: a retried POST without an Idempotency-Key can write twice (RFC 9110 §9.2.2).',
  }),

  tls: choice({ param: 'tls', values: TLS_VERSIONS, group: 'connections', label: 'TLS version', options: { '1.3': 'TLS 1.3 (1 round trip)', '1.2': 'TLS 1.2 (2 round trips)' } }),
  connections: choice({
    param: 'conn',
    values: CONNECTION_STATES,
    group: 'connections',
    label: 'Server-side connections',
    options: { warm: 'Warm: kept alive, pools full', cold: 'Cold: every hop opens a connection' },
  }),
  seed: int({ param: 'seed', group: 'connections', label: 'Random seed', min: 0, max: 2 ** 32 - 1, hint: 'Jitter and ages come from it: same seed, same run.' }),

  'latency.browserEdgeRttMs': int({ param: 'rttEdge', label: 'Browser ↔ edge round trip', ...latency }),
  'latency.dnsRttMs': int({ param: 'rttDns', label: 'Browser ↔ DNS round trip', ...latency }),
  'latency.edgeOriginRttMs': int({ param: 'rttOrigin', label: 'Edge ↔ origin round trip', ...latency }),
  'latency.vpcRttMs': int({ param: 'rttVpc', label: 'Round trip inside the VPC', ...latency, max: 100 }),
  'latency.thirdPartyRttMs': int({ param: 'rttApi', label: 'App ↔ payments API round trip', ...latency }),
  'latency.dbQueryMs': int({ param: 'dbQuery', label: 'Healthy query takes', ...latency, max: 10_000 }),
  'latency.thirdPartyWorkMs': int({ param: 'apiWork', label: 'Healthy payments call takes', ...latency, max: 10_000 }),
  // The mean CPU time of one request in a pod. Named `appWork` until traffic runs came; old links still say so.
  'latency.appWorkMs': int({ param: 'appMs', aliases: ['appWork'], label: 'App handler CPU time', ...latency, min: 0, max: 10_000 }),

  'traffic.rate': num({ group: 'load', param: 'rate', label: 'Arrival rate', unit: 'requests/s', min: 0.1, max: 10_000, decimals: 2, hint: 'Requests arrive as a Poisson process at this mean rate.' }),
  'traffic.durationS': int({ group: 'load', param: 'duration', label: 'Duration', unit: 'simulated s', min: 1, max: DAY_S }),
  'traffic.warmupS': int({ group: 'load', param: 'warmup', label: 'Warm-up', unit: 's', min: 0, max: DAY_S, hint: 'The first seconds, left out of the summary. Shorter than the run.' }),
  'traffic.staticShare': num({ group: 'load', param: 'staticShare', label: 'Share of static requests', ...share, hint: 'When the kind is a mix.' }),
  'traffic.objects': int({ group: 'load', param: 'objects', label: 'Distinct URLs', min: 1, max: 1_000_000 }),
  'traffic.zipf': num({ group: 'load', param: 'zipf', label: 'Popularity skew (Zipf exponent)', min: 0, max: 3, decimals: 2, hint: '0 asks for every URL equally often; larger values favour the most popular.' }),
  'traffic.attackShare': num({ group: 'load', param: 'attack', label: 'Share of SQL injection attempts', ...share }),
  'traffic.appDist': choice({ group: 'capacity', param: 'appDist', label: 'Spread of the app’s CPU time', ...spread }),
  'traffic.dbDist': choice({ group: 'capacity', param: 'dbDist', label: 'Spread of the query time', ...spread, hint: 'Its mean is the query time that applies: healthy or slow.' }),
  'cache.capacity': int({ group: 'capacity', param: 'cacheSize', label: 'Edge cache capacity', unit: 'objects', min: 1, max: 10_000_000, hint: 'When it is full, the least recently used object goes.' }),
  'app.pods': int({ group: 'capacity', param: 'pods', label: 'App pods', min: 1, max: 64 }),
  'app.pool': int({ group: 'capacity', param: 'pool', label: 'Database connections per pod', min: 1, max: 100, hint: 'HikariCP’s default maximumPoolSize is 10 (HikariCP README).' }),
  'traffic.invalidationDelayS': int({ group: 'timeline',
    param: 'invalidationDelay',
    label: 'An invalidation reaches every edge location after',
    unit: 's',
    min: 0,
    max: 3600,
    hint: 'Assumed: CloudFront says an invalidation takes time to propagate, not how long.',
  }),
  'traffic.timeline': schedule({ group: 'timeline', param: 'timeline', label: 'What happens when', actions: TIMELINE_ACTIONS, options: TIMELINE_ACTION_MEANINGS, maxEntries: 50, maxS: DAY_S, decimals: 3 }),

  // The backoff study's setting (mode=backoff-study, docs/backoff-study.md).
  'backoffStudy.clients': int({
    group: 'study',
    param: 'clients',
    label: 'Clients writing the row',
    min: 10,
    max: 200,
    hint: 'The backoff study: each client writes the one row once, retrying until its write commits.',
  }),

  // The network's filters (lib/scenario/network-rules.ts): every packet meets them. No controls yet: links and files set them.
  'network.sgAlb': securityGroup({ group: 'network', param: 'sgAlb', label: 'Security group sg-alb (load balancer)', hint: SG_HINT }),
  'network.sgWeb': securityGroup({ group: 'network', param: 'sgWeb', label: 'Security group sg-web (Nginx)', hint: SG_HINT }),
  'network.sgApp': securityGroup({ group: 'network', param: 'sgApp', label: 'Security group sg-app (app pods)', hint: SG_HINT }),
  'network.sgDb': securityGroup({ group: 'network', param: 'sgDb', label: 'Security group sg-db (database)', hint: SG_HINT }),
  'network.naclPublic': networkAcl({ group: 'network', param: 'naclPublic', label: 'Network ACL acl-public (public subnets)', hint: NACL_HINT }),
  'network.naclApp': networkAcl({ group: 'network', param: 'naclApp', label: 'Network ACL acl-app (private app subnets)', hint: NACL_HINT }),
  'network.naclData': networkAcl({ group: 'network', param: 'naclData', label: 'Network ACL acl-data (private data subnets)', hint: NACL_HINT }),

  // Resilience patterns on the calling edges (lib/sim/resilience), in traffic mode's controls. Each breaker library
  // has its own knobs, each defaulting to the library's own default.
  'resilience.breaker': choice({ group: 'resilience',
    param: 'breaker',
    values: BREAKER_LIBRARIES,
    label: 'Circuit breaker',
    options: { off: 'Off', resilience4j: 'resilience4j (Java): a window of the last calls', opossum: 'opossum (Node.js): a rolling window of seconds' },
  }),
  'resilience.breakerAt': list({ group: 'resilience', param: 'breakerAt', values: RETRY_LAYERS, label: 'Who has a circuit breaker', options: CALLING_EDGES }),
  'resilience.failureRate': int({ group: 'resilience', param: 'failureRate', label: 'resilience4j opens at a failure rate of', unit: '%', min: 1, max: 100, hint: resilience4j('failureRateThreshold', 'At or above it; the default is 50') }),
  'resilience.slidingWindow': int({ group: 'resilience', param: 'slidingWindow', label: 'resilience4j counts the last', unit: 'calls', min: 1, max: 10_000, hint: resilience4j('slidingWindowSize, COUNT_BASED', 'The default is 100') }),
  'resilience.minCalls': int({ group: 'resilience', param: 'minCalls', label: 'resilience4j needs at least', unit: 'calls', min: 1, max: 10_000, hint: resilience4j('minimumNumberOfCalls', 'No rate counts before; the default is 100') }),
  'resilience.openWaitMs': int({ group: 'resilience', param: 'openWait', label: 'resilience4j stays open for', ...ms, min: 1, hint: resilience4j('waitDurationInOpenState', 'The default is 60 s') }),
  'resilience.halfOpenCalls': int({ group: 'resilience', param: 'halfOpenCalls', label: 'resilience4j lets through, half-open,', unit: 'calls', min: 1, max: 1000, hint: resilience4j('permittedNumberOfCallsInHalfOpenState', 'The default is 10') }),
  'resilience.slowCallMs': int({ group: 'resilience', param: 'slowCall', label: 'resilience4j calls a call slow after', ...ms, min: 1, hint: resilience4j('slowCallDurationThreshold', 'Strictly longer; the default is 60 s') }),
  'resilience.slowRate': int({ group: 'resilience', param: 'slowRate', label: 'resilience4j opens at a slow-call rate of', unit: '%', min: 1, max: 100, hint: resilience4j('slowCallRateThreshold', 'The default is 100') }),
  'resilience.errorPercent': int({ group: 'resilience', param: 'errorPercent', label: 'opossum opens above an error rate of', unit: '%', min: 0, max: 100, hint: opossum('errorThresholdPercentage', 'Strictly above; the default is 50') }),
  'resilience.trialAfterMs': int({ group: 'resilience', param: 'resetTimeout', label: 'opossum stays open for', ...ms, min: 1, hint: opossum('resetTimeout', 'Then one trial call; the default is 30 s') }),
  'resilience.rollingWindowMs': int({ group: 'resilience', param: 'rollingWindow', label: 'opossum counts the last', ...ms, min: 100, hint: opossum('rollingCountTimeout', 'The default is 10 s') }),
  'resilience.rollingBuckets': int({ group: 'resilience', param: 'rollingBuckets', label: 'opossum splits that window into', unit: 'buckets', min: 1, max: 100, hint: opossum('rollingCountBuckets', 'The default is 10') }),
  'resilience.volumeThreshold': int({ group: 'resilience', param: 'volumeThreshold', label: 'opossum needs at least', unit: 'calls in the window', min: 0, max: 100_000, hint: opossum('volumeThreshold', 'The default is 0, so one failed first call opens it') }),
  'resilience.bulkhead': int({ group: 'resilience',
    param: 'bulkhead',
    label: 'Bulkhead: calls at once',
    unit: '0 = off',
    min: 0,
    max: 10_000,
    hint: 'A call over the limit is rejected at once. resilience4j’s semaphore bulkhead allows 25 and waits 0 (BulkheadConfig, maxConcurrentCalls and maxWaitDuration).',
  }),
  'resilience.bulkheadAt': list({ group: 'resilience', param: 'bulkheadAt', values: RETRY_LAYERS, label: 'Who has a bulkhead', options: CALLING_EDGES }),
  'resilience.fallback': choice({ group: 'resilience',
    param: 'fallback',
    values: FALLBACKS,
    label: 'When a call fails or is refused, serve',
    options: { none: 'Nothing: pass the failure on', cache: 'The last good answer, while young enough', stale: 'The last good answer, however old', default: 'A built-in default answer' },
  }),
  'resilience.fallbackAt': list({ group: 'resilience', param: 'fallbackAt', values: RETRY_LAYERS, label: 'Who falls back', options: CALLING_EDGES }),
  'resilience.fallbackTtlS': int({ group: 'resilience', param: 'fallbackTtl', label: 'A fallback cache keeps an answer for', unit: 's', min: 1, max: DAY_S, hint: 'Assumed: how long `cache` serves a kept answer.' }),
  'resilience.retryQuota': choice({ group: 'resilience',
    param: 'retryQuota',
    values: SWITCHES,
    label: 'AWS SDK retry quota',
    options: { off: 'Off', on: 'On: 500 tokens, 5 a retry, 10 after a timeout' },
    hint: 'The standard retry mode’s token bucket, as the AWS SDK for JavaScript v3 kept it before its 2026 retry update (@smithy/util-retry 4.2.13).',
  }),

  // CloudFront at scale: edge locations, Origin Shield, origin failover, invalidation paths, edge functions. No
  // groups yet (links and files set them); docs/scenario-format.md, "CloudFront at scale", says what each does.
  'cdn.edgeLocations': int({ group: 'cdn',
    param: 'edgeLocations',
    label: 'Edge locations',
    min: 1,
    max: 50,
    hint: 'Traffic runs: visitors are spread evenly over this many edge locations, each with its own cache.',
  }),
  'cdn.originShield': yesNo({ group: 'cdn',
    param: 'originShield',
    label: 'Origin Shield (a regional cache tier in front of the origin)',
    hint: 'Misses at the edge ask it before the origin; POST, PUT, PATCH, DELETE and OPTIONS go straight to the origin.',
  }),
  'cdn.originShieldRttMs': int({ group: 'cdn', param: 'rttOriginShield', label: 'Edge location ↔ Origin Shield round trip', unit: 'ms', min: 1, max: 2000 }),
  'cdn.originShieldCapacity': int({ group: 'cdn', param: 'originShieldSize', label: 'Origin Shield cache capacity', unit: 'objects', min: 1, max: 10_000_000 }),
  'cdn.originGroup': yesNo({ group: 'cdn',
    param: 'originGroup',
    label: 'Origin group: fail over to a secondary origin',
    hint: 'Only GET, HEAD and OPTIONS fail over, and every request tries the primary first.',
  }),
  'cdn.failoverOn': list({ group: 'cdn',
    param: 'failoverOn',
    values: FAILOVER_STATUS_CODES,
    label: 'Fail over when the primary answers',
    options: Object.fromEntries(FAILOVER_STATUS_CODES.map((code) => [code, code])) as Record<(typeof FAILOVER_STATUS_CODES)[number], string>,
    hint: 'A failed connection or a timeout fails over too, whatever is chosen.',
  }),
  'cdn.invalidationPaths': text({ group: 'cdn',
    param: 'invalidatePaths',
    maxLength: 1000,
    singleLine: true,
    // CloudFront Developer Guide, "Invalidate files": a path starts with /, and * may only end it.
    pattern: /^\/[^*,\s]*\*?(?:,\/[^*,\s]*\*?)*$/,
    expected: 'comma-separated paths that each start with / and may end with *, such as /static/* or /api/products/1*',
    label: 'What an invalidation removes',
    hint: 'Case-sensitive; * matches anything from there on, the query string included.',
  }),
  'cdn.cfFunctions': list({ group: 'cdn',
    param: 'cfFunction',
    values: CLOUDFRONT_FUNCTION_EVENTS,
    label: 'CloudFront Functions run on',
    options: { 'viewer-request': 'Viewer request', 'viewer-response': 'Viewer response' },
  }),
  'cdn.cfFunctionMs': num({ group: 'cdn', param: 'cfFunctionMs', label: 'A CloudFront Function takes', unit: 'ms', min: 0.1, max: 1, decimals: 1, hint: 'Submillisecond, as CloudFront documents.' }),
  'cdn.lambdaEdge': list({ group: 'cdn',
    param: 'lambdaEdge',
    values: LAMBDA_EDGE_EVENTS,
    label: 'Lambda@Edge runs on',
    options: { 'viewer-request': 'Viewer request', 'origin-request': 'Origin request', 'origin-response': 'Origin response', 'viewer-response': 'Viewer response' },
  }),
  'cdn.lambdaMs': int({ group: 'cdn', param: 'lambdaMs', label: 'A Lambda@Edge run takes', unit: 'ms', min: 1, max: 5000, hint: 'Viewer triggers may run for at most 5 s.' }),
  'cdn.lambdaColdStartMs': int({ group: 'cdn',
    param: 'lambdaColdStart',
    label: 'A Lambda@Edge cold start adds',
    unit: 'ms',
    min: 0,
    max: 10_000,
    hint: 'When no execution environment is free, Lambda starts one first; its Init phase may take at most 10 s.',
  }),

  // Edge protection under load and the database's failover. No group: the sandbox's controls for them come later.
  'waf.rateLimit': int({ group: 'protection',
    param: 'rateLimit',
    label: 'Rate-based rule: requests per address and window',
    unit: '0 = no rule',
    min: 0,
    max: RATE_LIMIT_MAX,
    hint: 'At least 10 (AWS WAF API Reference, RateBasedStatement: Limit). Requests from one address over it meet the rule’s action.',
  }),
  'waf.rateWindowS': int({ group: 'protection', param: 'rateWindow', label: 'Rate-based rule: evaluation window', unit: 's', min: 60, max: 600, hint: '60, 120, 300 or 600; 300 is AWS WAF’s default.' }),
  'waf.rateAction': choice({ group: 'protection',
    param: 'rateAction',
    values: RATE_ACTIONS,
    label: 'Rate-based rule: action',
    options: { block: 'Block: 403', captcha: 'CAPTCHA: 405 until a puzzle is solved', challenge: 'Challenge: 202 until a silent challenge is answered', count: 'Count: record it, block nothing' },
  }),
  'waf.immunityS': int({ group: 'protection',
    param: 'immunity',
    label: 'CAPTCHA and challenge immunity time',
    unit: 's',
    min: 60,
    max: 259_200,
    hint: 'How long a solved puzzle or challenge keeps its token valid. The default is 300 s; a challenge needs at least 300 (AWS WAF API Reference, ImmunityTimeProperty).',
  }),
  'waf.ipRequests': int({ group: 'protection',
    param: 'ipRequests',
    label: 'Requests this browser’s address sent in the window before',
    min: 0,
    max: RATE_LIMIT_MAX,
    hint: 'One request only: what the rate-based rule had counted for this address when it last checked.',
  }),
  'db.ha': choice({ group: 'protection',
    param: 'dbHa',
    values: DB_HA_KINDS,
    label: 'High availability',
    options: { instance: 'Multi-AZ DB instance: failover in 60–120 s', cluster: 'Multi-AZ DB cluster: failover in under 35 s' },
  }),
  'db.dnsTtlS': int({ group: 'protection',
    param: 'dbDnsTtl',
    label: 'How long the app caches the database endpoint’s address',
    unit: 's',
    min: 0,
    max: 3600,
    hint: 'Aurora’s DNS zones use a TTL of 5 s (AWS Knowledge Center, “Why is my connection redirected to the reader instance…”); a client that caches longer keeps the old address.',
  }),
  'db.reconnectMs': int({ group: 'protection',
    param: 'dbReconnect',
    label: 'How often the driver tries to reconnect after its connections fail',
    unit: 'ms, 0 = at once',
    min: 0,
    max: 600_000,
    hint: 'Assumed: pools and drivers differ.',
  }),
  'traffic.visitors': int({ group: 'load', param: 'visitors', label: 'Distinct visitors (client addresses)', min: 1, max: 100_000, hint: 'Ordinary arrivals spread evenly over this many addresses.' }),
  'traffic.botRate': int({ group: 'timeline', param: 'botRate', label: 'Bot flood rate', unit: 'requests/s', min: 1, max: 10_000 }),
  'traffic.botIps': int({ group: 'timeline', param: 'botIps', label: 'Addresses the bots send from', min: 1, max: 250 }),
  'traffic.synRate': int({ group: 'timeline', param: 'synRate', label: 'SYN flood rate', unit: 'packets/s', min: 1, max: 100_000_000 }),
  'traffic.burstShare': num({ group: 'timeline', param: 'burstShare', label: 'Share of arrivals that attack during a burst', ...share }),
  'traffic.spikeFactor': num({
    group: 'load',
    param: 'spikeFactor',
    label: 'During a spike, visitors arrive',
    unit: 'times as fast',
    min: 1,
    max: 100,
    decimals: 1,
    hint: 'Put a spike and its end on the timeline.',
  }),
};
