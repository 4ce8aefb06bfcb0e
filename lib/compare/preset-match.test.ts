import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
import { presetMatching } from './preset-match';
import { sameData } from './same-data';

describe('which preset the conditions amount to', () => {
  it('recognises every preset, and the default conditions as the default', () => {
    expect(presetMatching(DEFAULT_SCENARIO)).toBe('default');
    for (const preset of PRESETS) expect(presetMatching(scenarioForPreset(preset.id)!)).toBe(preset.id === 'api-get' ? 'default' : preset.id);
  });

  it('recognises a preset reached by hand, and says custom once the conditions match none', () => {
    const byHand = { ...DEFAULT_SCENARIO, cache: { ...DEFAULT_SCENARIO.cache, state: 'fresh' as const } };
    expect(presetMatching(byHand)).toBe('cache-hit');
    const custom = { ...byHand, seed: byHand.seed + 1 };
    expect(presetMatching(custom)).toBe('custom');
  });

  it('compares plain data by value, whatever the key order', () => {
    expect(sameData({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});
