import { SCENARIO_VERSION, type Scenario } from './schema';

/**
 * The scenario a learner starts from: a healthy GET of a cacheable API response, nothing cached yet,
 * server-side connections already warm (as in production), a new visitor's browser.
 */
export const DEFAULT_SCENARIO: Scenario = Object.freeze({
  v: SCENARIO_VERSION,
  seed: 1,
  mode: 'single',
  request: { kind: 'api', method: 'GET', payload: 'benign', idempotencyKey: false },
  waf: { mode: 'on' },
  cache: {
    state: 'empty',
    cacheControl: 'public, max-age=60',
    changed: false,
    // CloudFront CachePolicy API defaults (MinTTL, DefaultTTL, MaxTTL).
    minTtl: 0,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    // *assumed*: room for ten times the traffic run's default 1,000 URLs, so its cache fills only when told to.
    capacity: 10_000,
  },
  db: { behaviour: 'ok', engine: 'postgres', delayMs: 4000 },
  thirdParty: { behaviour: 'ok', delayMs: 3000 },
  // CloudFront's defaults (CloudFront API reference, CustomOriginConfig): 30 s response timeout, 3 attempts, 10 s to connect.
  origin: { responseTimeoutS: 30, attempts: 3, connectTimeoutS: 10 },
  // Elastic Load Balancing User Guide, "Connection idle timeout": 60 s.
  alb: { idleTimeoutS: 60 },
  // nginx ngx_http_proxy_module: proxy_read_timeout 60s.
  proxy: { readTimeoutS: 60 },
  // *assumed*: a common service-to-service deadline, well under CloudFront's 30 s origin response timeout.
  timeoutMs: 2000,
  retry: {
    // The AWS SDK "standard" mode: 3 attempts, full jitter on 2^attempt × 100 ms, capped at 20 s (aws-sdk-js-v3 util-retry).
    attempts: 3,
    backoff: 'exponential',
    jitter: 'full',
    baseMs: 100,
    capMs: 20_000,
    layers: ['browser', 'db', 'thirdparty'],
    unsafe: false,
  },
  tls: '1.3',
  connections: 'warm',
  latency: {
    browserEdgeRttMs: 20,
    dnsRttMs: 30,
    edgeOriginRttMs: 40,
    vpcRttMs: 1,
    thirdPartyRttMs: 60,
    dbQueryMs: 5,
    thirdPartyWorkMs: 150,
    appWorkMs: 5,
  },
  app: {
    // *assumed*: a small deployment's replica count, a knob.
    pods: 3,
    // HikariCP's default maximumPoolSize (HikariCP README, "Frequently used" settings: maximumPoolSize, default 10).
    pool: 10,
  },
  // Every traffic default is *assumed*: a teaching default, a knob, never a measurement.
  traffic: {
    // A minute of a modest site's traffic, 50 requests a second, summarised from the first second on.
    rate: 50,
    durationS: 60,
    warmupS: 0,
    // Most of a page's requests are for static files.
    staticShare: 0.8,
    objects: 1000,
    // Within the 0.6–1 that web request streams fit (Breslau et al., "Web Caching and Zipf-like
    // Distributions: Evidence and Implications", IEEE INFOCOM 1999).
    zipf: 0.8,
    // No attacks, and every time exactly its mean, until the learner asks for them.
    attackShare: 0,
    appDist: 'const',
    dbDist: 'const',
    // CloudFront documents that an invalidation takes time to reach every edge location, not how long
    // (CloudFront Developer Guide, "Invalidate files"). A knob, not a fact.
    invalidationDelayS: 10,
    timeline: [],
  },
  cdn: {
    // One edge location, and nothing between its cache and the origin: the distribution every run had before.
    edgeLocations: 1,
    originShield: false,
    // *assumed*: the edge location's round trip to Origin Shield, which sits in the origin's Region (CloudFront
    // Developer Guide, "Choosing the AWS Region for Origin Shield"); a knob, not a measurement.
    originShieldRttMs: 30,
    // *assumed*: regional edge caches hold more than any edge location (CloudFront Developer Guide, "How CloudFront
    // works with regional edge caches"), so ten times the edge's default.
    originShieldCapacity: 100_000,
    originGroup: false,
    failoverOn: ['500', '502', '503', '504'],
    // An invalidation of everything, as the timeline's invalidate did before paths could be chosen.
    invalidationPaths: '/*',
    cfFunctions: [],
    // *assumed*: CloudFront Functions run for under a millisecond ("Choosing between CloudFront Functions and Lambda@Edge").
    cfFunctionMs: 0.5,
    lambdaEdge: [],
    // *assumed*: a small Lambda@Edge function, and what starting a Node.js execution environment adds to its first run.
    lambdaMs: 20,
    lambdaColdStartMs: 400,
  },
}) as Scenario;
