import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { withMode } from './modes';
import { RULES } from './rules';
import { scenarioSchema } from './schema';

describe('withMode', () => {
  it('keeps every setting when it switches to traffic and back', () => {
    const traffic = withMode(DEFAULT_SCENARIO, 'traffic');
    expect(traffic.mode).toBe('traffic');
    expect(withMode(traffic, 'single')).toEqual(DEFAULT_SCENARIO);
  });

  it('puts a mix back to the default kind when leaving traffic, so every rule holds', () => {
    const mix = { ...withMode(DEFAULT_SCENARIO, 'traffic'), request: { ...DEFAULT_SCENARIO.request, kind: 'mix' as const } };
    const single = withMode(mix, 'single');
    expect(single.request.kind).toBe(DEFAULT_SCENARIO.request.kind);
    expect(RULES.every((rule) => rule.holds(single))).toBe(true);
    expect(scenarioSchema.safeParse(single).success).toBe(true);
  });

  it('returns the same object when the mode does not change', () => {
    expect(withMode(DEFAULT_SCENARIO, 'single')).toBe(DEFAULT_SCENARIO);
  });
});
