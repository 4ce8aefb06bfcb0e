import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { parseScenarioJson } from './file';

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
