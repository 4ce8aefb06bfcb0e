import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { GROUPS } from './field-kinds';
import { FIELDS } from './fields';
import { FIELD_ENTRIES, getAt, setAt } from './paths';
import { scenarioSchema } from './schema';

describe('the field table', () => {
  it('keeps every public link parameter name, in link order', () => {
    // Links in the wild depend on these names: a rename breaks them. Add new names; never change old ones.
    expect(FIELD_ENTRIES.map((e) => e.param)).toEqual([
      'mode', 'kind', 'method', 'payload', 'idem', 'waf', 'cache', 'cacheControl', 'changed', 'minTtl', 'defaultTtl', 'maxTtl',
      'originTimeout', 'originAttempts', 'originConnectTimeout', 'albIdle', 'proxyRead',
      'db', 'dbms', 'dbDelay', 'thirdParty', 'tpDelay', 'timeout', 'attempts', 'backoff', 'jitter', 'base', 'cap', 'retryAt', 'retryUnsafe',
      'tls', 'conn', 'seed', 'rttEdge', 'rttDns', 'rttOrigin', 'rttVpc', 'rttApi', 'dbQuery', 'apiWork', 'appMs',
      'rate', 'duration', 'warmup', 'staticShare', 'objects', 'zipf', 'attack', 'appDist', 'dbDist', 'cacheSize', 'pods', 'pool',
      'invalidationDelay', 'timeline', 'clients',
      'sgAlb', 'sgWeb', 'sgApp', 'sgDb', 'naclPublic', 'naclApp', 'naclData',
      'breaker', 'breakerAt', 'failureRate', 'slidingWindow', 'minCalls', 'openWait', 'halfOpenCalls', 'slowCall', 'slowRate',
      'errorPercent', 'resetTimeout', 'rollingWindow', 'rollingBuckets', 'volumeThreshold', 'bulkhead', 'bulkheadAt',
      'fallback', 'fallbackAt', 'fallbackTtl', 'retryQuota',
      'edgeLocations', 'originShield', 'rttOriginShield', 'originShieldSize', 'originGroup', 'failoverOn', 'invalidatePaths',
      'cfFunction', 'cfFunctionMs', 'lambdaEdge', 'lambdaMs', 'lambdaColdStart',
      'rateLimit', 'rateWindow', 'rateAction', 'immunity', 'ipRequests', 'dbHa', 'dbDnsTtl', 'dbReconnect',
      'visitors', 'botRate', 'botIps', 'synRate', 'burstShare', 'spikeFactor',
    ]);
    // A renamed parameter keeps its old name as an alias, so links made before still read.
    expect(Object.fromEntries(FIELD_ENTRIES.filter((e) => e.aliases).map((e) => [e.param, e.aliases]))).toEqual({ appMs: ['appWork'] });
  });

  it('documents every link parameter and former name in docs/scenario-format.md', () => {
    const docs = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    for (const name of FIELD_ENTRIES.flatMap((e) => [e.param, ...(e.aliases ?? [])])) expect(docs, name).toContain(`\`${name}\``);
  });

  it('holds the defaults within its own bounds and choices', () => {
    expect(scenarioSchema.safeParse(DEFAULT_SCENARIO).success).toBe(true);
    for (const entry of FIELD_ENTRIES) {
      if (entry.kind !== 'int' && entry.kind !== 'num') continue;
      const value = getAt(DEFAULT_SCENARIO, entry.path);
      expect(value >= entry.min && value <= entry.max, entry.path).toBe(true);
    }
  });

  it('bounds the schema exactly as it says', () => {
    // The warm-up must be shorter than the run, so it is probed in the longest run.
    const longest = setAt(DEFAULT_SCENARIO, 'traffic.durationS', FIELDS['traffic.durationS'].max);
    for (const entry of FIELD_ENTRIES) {
      if (entry.kind !== 'int' && entry.kind !== 'num') continue;
      const at = (value: number) => scenarioSchema.safeParse(setAt(longest, entry.path, value)).success;
      const step = entry.kind === 'num' ? 10 ** -entry.decimals : 1;
      // TTLs must also stay ordered, so each is probed on its own side of the others.
      const ttl = /^cache\.\w+Ttl$/.test(entry.path);
      if (!ttl || entry.path === 'cache.minTtl') expect(at(entry.min - step), `${entry.path} below`).toBe(false);
      if (!ttl || entry.path === 'cache.maxTtl') expect(at(entry.max + step), `${entry.path} above`).toBe(false);
      if (!ttl) expect(at(entry.min), `${entry.path} at its minimum`).toBe(true);
      // Even the longest run is no longer than the longest warm-up.
      if (!ttl) expect(at(entry.path === 'traffic.warmupS' ? entry.max - 1 : entry.max), `${entry.path} at its maximum`).toBe(true);
      if (entry.kind === 'num') expect(at(entry.min + step / 10), `${entry.path} with a digit too many`).toBe(false);
    }
  });

  it('puts every control in a group that exists, and leaves no group empty; only the mode and the TTLs go without', () => {
    const ids = GROUPS.map((g) => g.id);
    for (const group of ids) expect(FIELD_ENTRIES.some((e) => e.group === group), group).toBe(true);
    expect(FIELD_ENTRIES.filter((e) => !e.group).map((e) => e.path)).toEqual(['mode', 'cache.minTtl', 'cache.defaultTtl', 'cache.maxTtl']);
  });

  it('says where the new timeouts’ defaults come from', () => {
    const hint = (param: string) => FIELD_ENTRIES.find((e) => e.param === param)?.hint ?? '';
    expect(hint('originTimeout')).toMatch(/default is 30 s .*CustomOriginConfig/);
    expect(hint('originAttempts')).toMatch(/default is 3 .*CloudFront API reference/);
    expect(hint('originConnectTimeout')).toMatch(/default is 10 s .*CloudFront API reference/);
    expect(hint('albIdle')).toMatch(/default is 60 s .*Connection idle timeout/);
    expect(hint('proxyRead')).toMatch(/default is 60 s .*ngx_http_proxy_module/);
    expect(hint('pool')).toMatch(/default maximumPoolSize is 10 .*HikariCP README/);
  });

  it('says where each resilience default comes from, and holds the scenario to it', () => {
    const hint = (param: string) => FIELD_ENTRIES.find((e) => e.param === param)?.hint ?? '';
    const r = DEFAULT_SCENARIO.resilience;
    expect([r.failureRate, r.slidingWindow, r.minCalls, r.openWaitMs, r.halfOpenCalls, r.slowCallMs, r.slowRate]).toEqual([50, 100, 100, 60_000, 10, 60_000, 100]);
    expect([r.errorPercent, r.trialAfterMs, r.rollingWindowMs, r.rollingBuckets, r.volumeThreshold]).toEqual([50, 30_000, 10_000, 10, 0]);
    expect(hint('failureRate')).toMatch(/default is 50 .*CircuitBreakerConfig, failureRateThreshold/);
    expect(hint('slidingWindow')).toMatch(/default is 100 .*slidingWindowSize, COUNT_BASED/);
    expect(hint('minCalls')).toMatch(/default is 100 .*minimumNumberOfCalls/);
    expect(hint('openWait')).toMatch(/default is 60 s .*waitDurationInOpenState/);
    expect(hint('halfOpenCalls')).toMatch(/default is 10 .*permittedNumberOfCallsInHalfOpenState/);
    expect(hint('slowCall')).toMatch(/default is 60 s .*slowCallDurationThreshold/);
    expect(hint('slowRate')).toMatch(/default is 100 .*slowCallRateThreshold/);
    expect(hint('errorPercent')).toMatch(/Strictly above; the default is 50 .*opossum README, options.errorThresholdPercentage/);
    expect(hint('resetTimeout')).toMatch(/default is 30 s .*options.resetTimeout/);
    expect(hint('rollingWindow')).toMatch(/default is 10 s .*options.rollingCountTimeout/);
    expect(hint('rollingBuckets')).toMatch(/default is 10 .*options.rollingCountBuckets/);
    expect(hint('volumeThreshold')).toMatch(/default is 0.*options.volumeThreshold/);
    expect(hint('bulkhead')).toMatch(/allows 25 and waits 0 .*BulkheadConfig/);
    // Off by default, so a scenario without them runs as it always did.
    expect([r.breaker, r.bulkhead, r.fallback, r.retryQuota]).toEqual(['off', 0, 'none', 'off']);
  });
});
