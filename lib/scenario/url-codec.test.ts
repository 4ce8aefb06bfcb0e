import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '@/lib/testing/arbitraries';
import { DEFAULT_SCENARIO } from './defaults';
import { getAt, type ScenarioPath } from './paths';
import { scenarioSchema } from './schema';
import { decodeLink, encodeLink } from './url-codec';

describe('the share link', () => {
  it('leaves every default out, so the default scenario is an empty query', () => {
    expect(encodeLink(DEFAULT_SCENARIO)).toBe('');
  });

  it('writes readable flat parameters with the version', () => {
    const link = encodeLink({ ...DEFAULT_SCENARIO, cache: { ...DEFAULT_SCENARIO.cache, state: 'stale' }, db: { ...DEFAULT_SCENARIO.db, behaviour: 'slow' } }, { t: 182, sel: 'edge' });
    expect(link).toBe('cache=stale&db=slow&t=182&sel=edge&v=1');
  });

  it('round-trips any scenario, cursor and selection (seed 11)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.option(fc.integer({ min: 1, max: 100_000 })), fc.option(fc.constantFrom('edge', 'link:app-db', 'e12')), (scenario, t, sel) => {
        const decoded = decodeLink(encodeLink(scenario, { t, sel }));
        expect(decoded.notices).toEqual([]);
        expect(decoded.scenario).toEqual(scenario);
        expect(decoded.view).toEqual({ t, sel });
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('round-trips relative to a preset, leaving the preset’s own settings out', () => {
    const decoded = decodeLink('preset=sqli-blocked&waf=off');
    expect(decoded.preset).toBe('sqli-blocked');
    expect(decoded.scenario.request.payload).toBe('sqli');
    expect(encodeLink(decoded.scenario, decoded.view, decoded.preset)).toBe('preset=sqli-blocked&waf=off&v=1');
  });

  it('never throws on any string, and always yields a valid scenario (seed 3)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webQueryParameters(), fc.webUrl({ withQueryParameters: true })), (input) => {
        const decoded = decodeLink(input);
        expect(scenarioSchema.safeParse(decoded.scenario).success).toBe(true);
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it('names an invalid value, ignores it, and applies the rest of the link', () => {
    const decoded = decodeLink('?db=explode&cache=fresh');
    expect(decoded.scenario.cache.state).toBe('fresh');
    expect(decoded.scenario.db.behaviour).toBe('ok');
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]!.param).toBe('db');
    expect(decoded.notices[0]!.message).toContain('“explode”');
  });

  it('names an unknown parameter', () => {
    const decoded = decodeLink('colour=blue&tls=1.2');
    expect(decoded.scenario.tls).toBe('1.2');
    expect(decoded.notices).toEqual([{ param: 'colour', message: expect.stringContaining('unknown setting “colour”') }]);
  });

  it('keeps a script payload as inert text', () => {
    const decoded = decodeLink(`payload=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(decoded.scenario.request.payload).toBe('<img src=x onerror=alert(1)>');
    expect(decoded.notices).toEqual([]);
  });

  it('rejects out-of-range numbers and a selection that is not an id', () => {
    const decoded = decodeLink('attempts=99&seed=-1&t=abc&sel=<script>');
    expect(decoded.notices.map((n) => n.param).sort()).toEqual(['attempts', 'seed', 'sel', 't']);
    expect(decoded.scenario).toEqual(DEFAULT_SCENARIO);
  });

  it('reads a link from a newer version as far as it can, and says so', () => {
    const decoded = decodeLink('v=9&db=slow');
    expect(decoded.scenario.db.behaviour).toBe('slow');
    expect(decoded.notices[0]?.param).toBe('v');
  });

  it('resets TTLs that break CloudFront’s MinTTL ≤ DefaultTTL ≤ MaxTTL', () => {
    const decoded = decodeLink('minTtl=100&maxTtl=10');
    expect(decoded.scenario.cache.minTtl).toBe(0);
    expect(decoded.notices[0]?.param).toBe('minTtl');
  });

  it('reads and writes CloudFront’s origin settings, the ALB and Nginx timeouts and the retry-everything switch', () => {
    const cases: [string, string, ScenarioPath, unknown][] = [
      ['originTimeout', '120', 'origin.responseTimeoutS', 120],
      ['originAttempts', '1', 'origin.attempts', 1],
      ['originConnectTimeout', '1', 'origin.connectTimeoutS', 1],
      ['albIdle', '4000', 'alb.idleTimeoutS', 4000],
      ['proxyRead', '3600', 'proxy.readTimeoutS', 3600],
      ['retryUnsafe', 'yes', 'retry.unsafe', true],
    ];
    for (const [param, raw, path, value] of cases) {
      const decoded = decodeLink(`${param}=${raw}`);
      expect(decoded.notices, param).toEqual([]);
      expect(getAt(decoded.scenario, path), param).toBe(value);
      expect(encodeLink(decoded.scenario), param).toBe(`${param}=${raw}&v=1`);
    }
  });

  it('names each of the new settings when its value is out of range, and keeps the default', () => {
    const decoded = decodeLink('originTimeout=121&originAttempts=0&originConnectTimeout=11&albIdle=4001&proxyRead=0&retryUnsafe=maybe');
    expect(decoded.notices.map((n) => n.param)).toEqual(['originTimeout', 'originAttempts', 'originConnectTimeout', 'albIdle', 'proxyRead', 'retryUnsafe']);
    expect(decoded.notices[0]!.message).toContain('from 1 to 120');
    expect(decoded.scenario).toEqual(DEFAULT_SCENARIO);
  });

  it('resets out-of-order TTLs to the preset’s values, keeping the rest of the link', () => {
    const decoded = decodeLink('preset=cache-hit&defaultTtl=5&maxTtl=4&db=slow');
    expect(decoded.scenario.cache).toEqual({ ...DEFAULT_SCENARIO.cache, state: 'fresh' });
    expect(decoded.scenario.db.behaviour).toBe('slow');
    expect(decoded.notices).toEqual([{ param: 'minTtl', message: 'CloudFront needs minTtl ≤ defaultTtl ≤ maxTtl; the TTLs were reset to their defaults.' }]);
  });
});
