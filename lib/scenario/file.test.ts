import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { parseScenarioJson } from './file';
import { applyChanges } from './presets';

describe('scenario files', () => {
  it('fills what a file leaves out from the defaults', () => {
    const parsed = parseScenarioJson('{"db": {"behaviour": "slow"}}');
    expect(parsed).toEqual({ ok: true, scenario: { ...DEFAULT_SCENARIO, db: { ...DEFAULT_SCENARIO.db, behaviour: 'slow' } } });
  });

  it('starts from a preset when one is named', () => {
    const parsed = parseScenarioJson('{"preset": "sqli-blocked", "waf": {"mode": "off"}}');
    expect(parsed.ok && parsed.scenario.request.payload).toBe('sqli');
    expect(parsed.ok && parsed.scenario.waf.mode).toBe('off');
  });

  it('names an invalid value by its path', () => {
    const parsed = parseScenarioJson('{"db": {"behaviour": "explode"}}');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(/^db\.behaviour: /);
  });

  it('names an unknown field', () => {
    const parsed = parseScenarioJson('{"request": {"verb": "GET"}}');
    expect(!parsed.ok && parsed.errors).toEqual(['request.verb: unknown field']);
  });

  it('says when the text is not JSON at all', () => {
    const parsed = parseScenarioJson('{db: slow}');
    expect(!parsed.ok && parsed.errors[0]).toMatch(/not valid JSON/);
  });

  it('rejects a top-level value that is not an object', () => {
    expect(parseScenarioJson('[1,2]').ok).toBe(false);
    expect(parseScenarioJson('null').ok).toBe(false);
  });

  it('names cache.minTtl when the TTLs are out of order', () => {
    const parsed = parseScenarioJson('{"cache": {"minTtl": 100, "maxTtl": 10}}');
    expect(!parsed.ok && parsed.errors).toEqual(['cache.minTtl: CloudFront needs minTtl ≤ defaultTtl ≤ maxTtl']);
  });
});

describe('scenario files for a traffic run', () => {
  it('reads the traffic settings, the pods and the cache’s capacity, and puts the timeline in time order', () => {
    const traffic = { rate: 12.5, durationS: 120, warmupS: 10, zipf: 1.2, appDist: 'exp', dbDist: 'lognormal' } as const;
    const file = { mode: 'traffic', request: { kind: 'mix' }, cache: { capacity: 100 }, app: { pods: 8, pool: 20 }, latency: { appWorkMs: 12 } } as const;
    const [slow, invalidate, ok] = [
      { atS: 20, action: 'db-slow' },
      { atS: 20, action: 'invalidate' },
      { atS: 50, action: 'db-ok' },
    ] as const;
    const parsed = parseScenarioJson(JSON.stringify({ ...file, traffic: { ...traffic, timeline: [ok, slow, invalidate] } }));
    expect(parsed).toEqual({ ok: true, scenario: applyChanges(DEFAULT_SCENARIO, { ...file, traffic: { ...traffic, timeline: [slow, invalidate, ok] } }) });
  });

  it('names request.kind when a mix of kinds is not a traffic run', () => {
    const parsed = parseScenarioJson('{"request": {"kind": "mix"}}');
    expect(!parsed.ok && parsed.errors).toEqual(['request.kind: a mix of API and static requests needs mode “traffic”']);
  });

  it('names traffic.warmupS when the warm-up is not shorter than the run', () => {
    const parsed = parseScenarioJson('{"mode": "traffic", "traffic": {"durationS": 30, "warmupS": 30}}');
    expect(!parsed.ok && parsed.errors).toEqual(['traffic.warmupS: the warm-up must be shorter than the run (warmup < duration)']);
  });

  it('names each invalid traffic value by its path', () => {
    const cases: [unknown, RegExp][] = [
      [{ traffic: { rate: 0 } }, /^traffic\.rate: /],
      [{ traffic: { rate: 12.345 } }, /^traffic\.rate: expected at most 2 digits after the point$/],
      [{ traffic: { zipf: '1' } }, /^traffic\.zipf: /],
      [{ traffic: { staticShare: 0.1 + 0.2 } }, /^traffic\.staticShare: expected at most 3 digits after the point$/],
      [{ traffic: { durationS: 1.5 } }, /^traffic\.durationS: /],
      [{ traffic: { appDist: 'normal' } }, /^traffic\.appDist: /],
      [{ mode: 'batch' }, /^mode: /],
      [{ app: { pool: 101 } }, /^app\.pool: /],
      [{ cache: { capacity: 0 } }, /^cache\.capacity: /],
      [{ traffic: { timeline: [{ atS: 5, action: 'explode' }] } }, /^traffic\.timeline\.0\.action: /],
      [{ traffic: { timeline: [{ atS: -1, action: 'deploy' }] } }, /^traffic\.timeline\.0\.atS: /],
      [{ traffic: { timeline: [{ atS: 1, action: 'deploy' }, { atS: 0.0001, action: 'deploy' }] } }, /^traffic\.timeline\.1\.atS: expected at most 3 digits/],
      [{ traffic: { timeline: [{ atS: 1, action: 'deploy', colour: 'blue' }] } }, /^traffic\.timeline\.0: .*colour/],
      [{ traffic: { timeline: Array.from({ length: 51 }, (_, i) => ({ atS: i, action: 'deploy' })) } }, /^traffic\.timeline: /],
    ];
    for (const [file, error] of cases) {
      const parsed = parseScenarioJson(JSON.stringify(file));
      expect(!parsed.ok && parsed.errors, JSON.stringify(file)).toEqual([expect.stringMatching(error)]);
    }
  });

  it('names an unknown field under the new paths', () => {
    expect(parseScenarioJson('{"app": {"replicas": 3}}')).toEqual({ ok: false, errors: ['app.replicas: unknown field'] });
    expect(parseScenarioJson('{"traffic": {"rps": 3}}')).toEqual({ ok: false, errors: ['traffic.rps: unknown field'] });
  });
});
