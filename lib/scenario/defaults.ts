import { DEFAULT_NETWORK } from './network-rules';
import type { Scenario } from './schema';
import { SCENARIO_VERSION } from './vocabulary';

/**
 * The scenario a learner starts from: a healthy GET of a cacheable API response, nothing cached yet,
 * server-side connections already warm (as in production), a new visitor's browser.
 */
export const DEFAULT_SCENARIO: Scenario = Object.freeze({
  v: SCENARIO_VERSION,
  seed: 1,
  mode: 'single',
  request: { kind: 'api', method: 'GET', payload: 'benign', idempotencyKey: false },
  waf: {
    mode: 'on',
    // No rate-based rule until the learner sets a limit. When there is one: AWS WAF's default evaluation window,
    // 300 s (Developer Guide, "Rate-based rule high-level settings"), and its default immunity time for CAPTCHA and
    // challenge tokens, 300 s (API Reference, ImmunityTimeProperty).
    rateLimit: 0,
    rateWindowS: 300,
    rateAction: 'block',
    immunityS: 300,
    ipRequests: 0,
  },
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
  db: {
    behaviour: 'ok',
    engine: 'postgres',
    delayMs: 4000,
    // A failover is only ever set off by a traffic run's timeline. Multi-AZ DB instance is RDS's classic deployment.
    ha: 'instance',
    // Aurora's DNS zones use a TTL of 5 s (AWS Knowledge Center, "Why is my connection redirected to the reader
    // instance when I try to connect to my Amazon Aurora writer endpoint?"), and the AWS SDK for Java guide asks for a
    // JVM DNS cache of 5 s ("Set the JVM TTL for DNS name lookups").
    dnsTtlS: 5,
    // *assumed*: a driver or pool that tries again every second.
    reconnectMs: 1000,
  },
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
    // *assumed*, all five: ten thousand visitors, each on an address of their own; a flood of 500 requests a second
    // from 5 addresses; a SYN flood of a million packets a second; half the arrivals attacking during a burst.
    visitors: 10_000,
    botRate: 500,
    botIps: 5,
    synRate: 1_000_000,
    burstShare: 0.5,
    // *assumed*: a spike brings visitors three times as fast, as a launch or a mention might.
    spikeFactor: 3,
  },
  // *assumed*: a knob; at 100 clients the strategies of the backoff study are far apart.
  backoffStudy: { clients: 100 },
  // The VPC's default network ACL on every tier and the usual chain of security groups (network-rules.ts).
  network: DEFAULT_NETWORK,
  // Every pattern off, so a scenario without them behaves as before. Each breaker library's knobs are its own
  // defaults: resilience4j's CircuitBreakerConfig DEFAULT_* constants, opossum's README (options).
  resilience: {
    breaker: 'off',
    // Breakers, bulkheads and fallbacks guard the app's own calls unless told otherwise: that is where they run.
    breakerAt: ['db', 'thirdparty'],
    failureRate: 50,
    slidingWindow: 100,
    minCalls: 100,
    openWaitMs: 60_000,
    halfOpenCalls: 10,
    slowCallMs: 60_000,
    slowRate: 100,
    errorPercent: 50,
    trialAfterMs: 30_000,
    rollingWindowMs: 10_000,
    rollingBuckets: 10,
    volumeThreshold: 0,
    bulkhead: 0,
    bulkheadAt: ['db', 'thirdparty'],
    fallback: 'none',
    fallbackAt: ['db', 'thirdparty'],
    // *assumed*: as long as the origin's default max-age=60.
    fallbackTtlS: 60,
    retryQuota: 'off',
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
