import { SCENARIO_VERSION, type Scenario } from './schema';

/**
 * The scenario a learner starts from: a healthy GET of a cacheable API response, nothing cached yet,
 * server-side connections already warm (as in production), a new visitor's browser.
 */
export const DEFAULT_SCENARIO: Scenario = Object.freeze({
  v: SCENARIO_VERSION,
  seed: 1,
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
}) as Scenario;
