import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { GROUPS } from './field-kinds';
import { FIELD_ENTRIES, getAt, setAt } from './paths';
import { scenarioSchema } from './schema';

describe('the field table', () => {
  it('keeps every public link parameter name, in link order', () => {
    // Links in the wild depend on these names: a rename breaks them. Add new names; never change old ones.
    expect(FIELD_ENTRIES.map((e) => e.param)).toEqual([
      'kind', 'method', 'payload', 'idem', 'waf', 'cache', 'cacheControl', 'changed', 'minTtl', 'defaultTtl', 'maxTtl',
      'originTimeout', 'originAttempts', 'originConnectTimeout', 'albIdle', 'proxyRead',
      'db', 'dbms', 'dbDelay', 'thirdParty', 'tpDelay', 'timeout', 'attempts', 'backoff', 'jitter', 'base', 'cap', 'retryAt', 'retryUnsafe',
      'tls', 'conn', 'seed', 'rttEdge', 'rttDns', 'rttOrigin', 'rttVpc', 'rttApi', 'dbQuery', 'apiWork', 'appWork',
    ]);
  });

  it('documents every link parameter in docs/scenario-format.md', () => {
    const docs = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    for (const { param } of FIELD_ENTRIES) expect(docs, param).toContain(`\`${param}\``);
  });

  it('holds the defaults within its own bounds and choices', () => {
    expect(scenarioSchema.safeParse(DEFAULT_SCENARIO).success).toBe(true);
    for (const entry of FIELD_ENTRIES) {
      if (entry.kind !== 'int') continue;
      const value = getAt(DEFAULT_SCENARIO, entry.path);
      expect(value >= entry.min && value <= entry.max, entry.path).toBe(true);
    }
  });

  it('bounds the schema exactly as it says', () => {
    for (const entry of FIELD_ENTRIES) {
      if (entry.kind !== 'int') continue;
      const at = (value: number) => scenarioSchema.safeParse(setAt(DEFAULT_SCENARIO, entry.path, value)).success;
      // TTLs must also stay ordered, so each is probed on its own side of the others.
      const ttl = entry.path.startsWith('cache.');
      if (!ttl || entry.path === 'cache.minTtl') expect(at(entry.min - 1), `${entry.path} below`).toBe(false);
      if (!ttl || entry.path === 'cache.maxTtl') expect(at(entry.max + 1), `${entry.path} above`).toBe(false);
      if (!ttl) expect(at(entry.min) && at(entry.max), entry.path).toBe(true);
    }
  });

  it('puts every control in a group that exists, and leaves no group empty', () => {
    const ids = GROUPS.map((g) => g.id);
    for (const group of ids) expect(FIELD_ENTRIES.some((e) => e.group === group), group).toBe(true);
    expect(FIELD_ENTRIES.filter((e) => !e.group).map((e) => e.path)).toEqual(['cache.minTtl', 'cache.defaultTtl', 'cache.maxTtl']);
  });

  it('says where the new timeouts’ defaults come from', () => {
    const hint = (param: string) => FIELD_ENTRIES.find((e) => e.param === param)?.hint ?? '';
    expect(hint('originTimeout')).toMatch(/default is 30 s .*CustomOriginConfig/);
    expect(hint('originAttempts')).toMatch(/default is 3 .*CloudFront API reference/);
    expect(hint('originConnectTimeout')).toMatch(/default is 10 s .*CloudFront API reference/);
    expect(hint('albIdle')).toMatch(/default is 60 s .*Connection idle timeout/);
    expect(hint('proxyRead')).toMatch(/default is 60 s .*ngx_http_proxy_module/);
  });
});
