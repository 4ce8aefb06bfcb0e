/** fast-check generators for scenarios, shared by property tests. */
import fc from 'fast-check';
import {
  BACKOFFS,
  CACHE_STATES,
  CONNECTION_STATES,
  DB_BEHAVIOURS,
  DB_ENGINES,
  JITTERS,
  METHODS,
  REQUEST_KINDS,
  RETRY_LAYERS,
  SCENARIO_VERSION,
  THIRD_PARTY_BEHAVIOURS,
  TLS_VERSIONS,
  WAF_MODES,
  type Scenario,
} from '@/lib/scenario/schema';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';

const cacheControl = fc.oneof(
  fc.constantFrom('public, max-age=60', 'no-store', 'private, max-age=60', 'no-cache', 'public, max-age=0', 's-maxage=300, max-age=60', 'public, max-age=30, stale-while-revalidate=60', 'max-age=120, must-revalidate', ''),
  fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
);

const payload = fc.oneof(fc.constantFrom('benign', 'sqli', 'xss'), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }));

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    kind: fc.constantFrom(...REQUEST_KINDS),
    method: fc.constantFrom(...METHODS),
    payload,
    idempotencyKey: fc.boolean(),
    waf: fc.constantFrom(...WAF_MODES),
    cacheState: fc.constantFrom(...CACHE_STATES),
    cacheControl,
    changed: fc.boolean(),
    minTtl: fc.constantFrom(0, 0, 5, 60),
    db: fc.constantFrom(...DB_BEHAVIOURS),
    engine: fc.constantFrom(...DB_ENGINES),
    dbDelay: fc.integer({ min: 0, max: 70_000 }),
    thirdParty: fc.constantFrom(...THIRD_PARTY_BEHAVIOURS),
    tpDelay: fc.integer({ min: 0, max: 70_000 }),
    timeoutMs: fc.constantFrom(0, 100, 500, 2000, 5000, 40_000),
    attempts: fc.integer({ min: 1, max: 5 }),
    backoff: fc.constantFrom(...BACKOFFS),
    jitter: fc.constantFrom(...JITTERS),
    baseMs: fc.integer({ min: 0, max: 1000 }),
    capMs: fc.integer({ min: 0, max: 30_000 }),
    layers: fc.subarray([...RETRY_LAYERS]),
    tls: fc.constantFrom(...TLS_VERSIONS),
    connections: fc.constantFrom(...CONNECTION_STATES),
    browserEdgeRttMs: fc.integer({ min: 1, max: 200 }),
    vpcRttMs: fc.integer({ min: 1, max: 10 }),
  })
  .map(
    (r): Scenario => ({
      v: SCENARIO_VERSION,
      seed: r.seed,
      request: { kind: r.kind, method: r.method, payload: r.payload, idempotencyKey: r.idempotencyKey },
      waf: { mode: r.waf },
      cache: { state: r.cacheState, cacheControl: r.cacheControl, changed: r.changed, minTtl: r.minTtl, defaultTtl: 86_400, maxTtl: 31_536_000 },
      db: { behaviour: r.db, engine: r.engine, delayMs: r.dbDelay },
      thirdParty: { behaviour: r.thirdParty, delayMs: r.tpDelay },
      origin: DEFAULT_SCENARIO.origin,
      alb: DEFAULT_SCENARIO.alb,
      proxy: DEFAULT_SCENARIO.proxy,
      timeoutMs: r.timeoutMs,
      retry: { attempts: r.attempts, backoff: r.backoff, jitter: r.jitter, baseMs: r.baseMs, capMs: r.capMs, layers: r.layers, unsafe: false },
      tls: r.tls,
      connections: r.connections,
      latency: { ...DEFAULT_SCENARIO.latency, browserEdgeRttMs: r.browserEdgeRttMs, vpcRttMs: r.vpcRttMs },
    }),
  );
