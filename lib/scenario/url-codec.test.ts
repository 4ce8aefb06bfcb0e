import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary, trafficRunArbitrary } from '@/lib/testing/arbitraries';
import { REFERENCE_LINKS } from '@/lib/testing/reference-traces';
import { DEFAULT_SCENARIO } from './defaults';
import { getAt, setAt, type ScenarioPath } from './paths';
import { PRESETS, scenarioForPreset } from './presets';
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

  it('round-trips any scenario, cursor, selection and traffic request (seed 11)', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.option(fc.integer({ min: 1, max: 100_000 })),
        fc.option(fc.constantFrom('edge', 'link:app-db', 'e12')),
        fc.option(fc.constantFrom('t1', 't4021')),
        (scenario, t, sel, req) => {
          const decoded = decodeLink(encodeLink(scenario, { t, sel, req }));
          expect(decoded.notices).toEqual([]);
          expect(decoded.scenario).toEqual(scenario);
          // Only a traffic run has requests to drill into; any other link leaves `req` out.
          expect(decoded.view).toEqual({ t, sel, req: scenario.mode === 'traffic' ? req : null });
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('reads a traffic request only from a traffic link, and says why it ignores any other', () => {
    expect(decodeLink('mode=traffic&req=t42').view.req).toBe('t42');
    const single = decodeLink('req=t42');
    expect(single.view.req).toBeNull();
    expect(single.notices).toEqual([{ param: 'req', message: 'req=t42 names a request of a traffic run, and this link is not one (mode=traffic); it was ignored.' }]);
    const odd = decodeLink('mode=traffic&req=<script>');
    expect(odd.view.req).toBeNull();
    expect(odd.notices[0]?.param).toBe('req');
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

describe('the share link of a traffic run', () => {
  it('writes a single run’s links with the same parameters as before the traffic settings came', () => {
    const params = (query: string) => [...new URLSearchParams(query)].sort();
    for (const link of REFERENCE_LINKS) expect(params(encodeLink(decodeLink(link).scenario)), link).toEqual(params(`${link}&v=1`));
    for (const preset of PRESETS) expect(encodeLink(scenarioForPreset(preset.id)!, undefined, preset.id), preset.id).toBe(`preset=${preset.id}&v=1`);
  });

  it('round-trips any traffic run (seed 23)', () => {
    fc.assert(
      fc.property(trafficRunArbitrary, (scenario) => {
        const decoded = decodeLink(encodeLink(scenario));
        expect(decoded.notices).toEqual([]);
        expect(decoded.scenario).toEqual(scenario);
      }),
      { seed: 23, numRuns: 200 },
    );
  });

  it('reads the documented examples without a notice, and writes them back as they are', () => {
    const docs = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    const examples = [...docs.matchAll(/^`(mode=traffic[^`]*)`$/gm)].map((m) => m[1]!);
    expect(examples).toEqual(['mode=traffic&kind=mix&rate=200&duration=120&zipf=1&cacheSize=100', 'mode=traffic&timeline=20:db-slow,50:db-ok']);
    for (const link of examples) {
      const decoded = decodeLink(link);
      expect(decoded.notices, link).toEqual([]);
      expect(encodeLink(decoded.scenario), link).toBe(new URLSearchParams(`${link}&v=1`).toString());
    }
    expect(decodeLink(examples[0]!).scenario).toMatchObject({ mode: 'traffic', request: { kind: 'mix' }, traffic: { rate: 200, durationS: 120, zipf: 1 }, cache: { capacity: 100 } });
  });

  it('reads decimals and writes them back plainly', () => {
    const decoded = decodeLink('mode=traffic&rate=12.5&staticShare=0.25&zipf=0.85&attack=0.001');
    expect(decoded.notices).toEqual([]);
    expect(decoded.scenario.traffic).toMatchObject({ rate: 12.5, staticShare: 0.25, zipf: 0.85, attackShare: 0.001 });
    expect(encodeLink(decoded.scenario)).toBe('mode=traffic&rate=12.5&staticShare=0.25&zipf=0.85&attack=0.001&v=1');
  });

  it('names each traffic setting whose value is out of range or not a plain number, and keeps the default', () => {
    const cases: [string, string][] = [
      ['rate', '-1'],
      ['rate', '0'],
      ['rate', '1e3'],
      ['rate', 'Infinity'],
      ['rate', 'NaN'],
      ['rate', '+5'],
      ['rate', '12.345'],
      ['zipf', 'abc'],
      ['zipf', '3.01'],
      ['staticShare', '1.5'],
      ['attack', '.5'],
      ['duration', '0'],
      ['warmup', '-1'],
      ['objects', '1000001'],
      ['cacheSize', '0'],
      ['pods', '65'],
      ['pool', '0'],
      ['invalidationDelay', '3601'],
      ['appDist', 'normal'],
      ['mode', 'batch'],
    ];
    for (const [param, raw] of cases) {
      const decoded = decodeLink(`${param}=${encodeURIComponent(raw)}`);
      expect(decoded.notices.map((n) => n.param), `${param}=${raw}`).toEqual([param]);
      expect(decoded.notices[0]!.message, `${param}=${raw}`).toContain(`“${raw}” was ignored for ${param}`);
      expect(decoded.scenario, `${param}=${raw}`).toEqual(DEFAULT_SCENARIO);
    }
    expect(decodeLink('rate=12.345').notices[0]!.message).toContain('a number from 0.1 to 10000 with at most 2 digits after the point');
  });

  it('reads a timeline in time order, keeping the order of moments at the same second, and writes it sorted', () => {
    const decoded = decodeLink('mode=traffic&timeline=10:db-slow,40:db-ok,30:deploy,10:invalidate,0.5:origin-5xx');
    expect(decoded.notices).toEqual([]);
    expect(decoded.scenario.traffic.timeline).toEqual([
      { atS: 0.5, action: 'origin-5xx' },
      { atS: 10, action: 'db-slow' },
      { atS: 10, action: 'invalidate' },
      { atS: 30, action: 'deploy' },
      { atS: 40, action: 'db-ok' },
    ]);
    expect(new URLSearchParams(encodeLink(decoded.scenario)).get('timeline')).toBe('0.5:origin-5xx,10:db-slow,10:invalidate,30:deploy,40:db-ok');
    // A scenario built in code, out of order, is written sorted all the same.
    const unsorted = setAt(DEFAULT_SCENARIO, 'traffic.timeline', [
      { atS: 40, action: 'db-ok' },
      { atS: 20, action: 'db-slow' },
    ]);
    expect(new URLSearchParams(encodeLink(unsorted)).get('timeline')).toBe('20:db-slow,40:db-ok');
  });

  it('reads “none” or nothing as an empty timeline', () => {
    const base = 'preset=db-timeout&mode=traffic';
    for (const raw of ['none', '']) {
      const decoded = decodeLink(`${base}&timeline=${raw}`);
      expect(decoded.notices, raw).toEqual([]);
      expect(decoded.scenario.traffic.timeline, raw).toEqual([]);
    }
  });

  it('names the timeline when a moment has no known action, no time, or there are too many', () => {
    const cases: [string, string][] = [
      ['5:explode', 'moment 1 needs one of the actions “deploy”'],
      ['x:db-ok', 'moment 1 needs a time in seconds from 0 to 86400'],
      ['10:db-slow,-5:db-ok', 'moment 2 needs a time'],
      ['86401:deploy', 'moment 1 needs a time'],
      ['1.2345:deploy', 'at most 3 digits after the point'],
      ['db-ok', 'comma-separated seconds:action moments'],
      ['10:db-slow,', 'comma-separated seconds:action moments'],
      [Array.from({ length: 51 }, (_, i) => `${i}:deploy`).join(','), 'at most 50 moments'],
    ];
    for (const [raw, message] of cases) {
      const decoded = decodeLink(`mode=traffic&timeline=${raw}&rate=70`);
      expect(decoded.notices.map((n) => n.param), raw).toEqual(['timeline']);
      expect(decoded.notices[0]!.message, raw).toContain(message);
      expect(decoded.scenario.traffic.timeline, raw).toEqual([]);
      // The rest of the link still applies.
      expect(decoded.scenario.traffic.rate, raw).toBe(70);
    }
    expect(decodeLink(`timeline=${Array.from({ length: 50 }, (_, i) => `${i}:deploy`).join(',')}`).notices).toEqual([]);
  });

  it('puts a mix of kinds back to the starting kind when the link is not a traffic run, keeping the rest', () => {
    const decoded = decodeLink('preset=static-asset&kind=mix&db=slow');
    expect(decoded.scenario.request.kind).toBe('static');
    expect(decoded.scenario.db.behaviour).toBe('slow');
    expect(decoded.notices).toEqual([{ param: 'kind', message: 'a mix of API and static requests needs mode “traffic”; the kind was reset to its starting value.' }]);
    expect(decodeLink('kind=mix&mode=traffic').scenario.request.kind).toBe('mix');
    expect(decodeLink('kind=mix&mode=single').notices.map((n) => n.param)).toEqual(['kind']);
  });

  it('puts warm-up and duration back together when the warm-up is not shorter than the run', () => {
    for (const link of ['mode=traffic&warmup=60', 'mode=traffic&duration=10&warmup=30&rate=5']) {
      const decoded = decodeLink(link);
      expect(decoded.scenario.traffic, link).toMatchObject({ warmupS: 0, durationS: 60 });
      expect(decoded.notices, link).toEqual([{ param: 'warmup', message: 'the warm-up must be shorter than the run (warmup < duration); warmup and duration were reset to their starting values.' }]);
    }
    expect(decodeLink('mode=traffic&duration=10&warmup=30&rate=5').scenario.traffic.rate).toBe(5);
    expect(decodeLink('duration=10&warmup=9').notices).toEqual([]);
  });

  it('still reads the app’s CPU time from appWork, its old name, and writes appMs', () => {
    const decoded = decodeLink('appWork=7');
    expect(decoded.notices).toEqual([]);
    expect(decoded.scenario.latency.appWorkMs).toBe(7);
    expect(encodeLink(decoded.scenario)).toBe('appMs=7&v=1');
    expect(decodeLink('appMs=7').scenario).toEqual(decoded.scenario);
    expect(decodeLink('appWork=10001').notices).toEqual([{ param: 'appWork', message: expect.stringContaining('“10001” was ignored for appWork') }]);
  });

  it('prefers appMs when a link gives both names, and says which was ignored', () => {
    const decoded = decodeLink('appWork=7&appMs=9');
    expect(decoded.scenario.latency.appWorkMs).toBe(9);
    expect(decoded.notices).toEqual([{ param: 'appWork', message: 'appWork is the old name of appMs, which the link gives too; appWork was ignored.' }]);
  });
});
