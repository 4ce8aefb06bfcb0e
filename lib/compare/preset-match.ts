/**
 * Which preset the conditions amount to, if any: the preset menu names it, and says "Custom" once the
 * conditions match none. Worked out from the scenario (memoised by identity), never stored.
 */
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { PRESETS, TRAFFIC_PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { sameData } from './same-data';

/** `default` for the default conditions, a preset's id, or `custom`. */
export type PresetMatch = 'default' | 'custom' | (string & {});

const matches = new WeakMap<Scenario, PresetMatch>();

/** The preset these conditions equal. Presets differ from each other, so at most one can match. */
export function presetMatching(scenario: Scenario): PresetMatch {
  let found = matches.get(scenario);
  if (found === undefined) {
    // "A healthy API call" is the default conditions themselves, and "A steady load" those conditions as traffic.
    const isDefault = sameData(DEFAULT_SCENARIO, scenario) || sameData(scenarioForPreset('traffic'), scenario);
    const named = [...PRESETS, ...TRAFFIC_PRESETS].find((p) => p.id !== 'api-get' && p.id !== 'traffic' && sameData(scenarioForPreset(p.id), scenario));
    found = isDefault ? 'default' : (named?.id ?? 'custom');
    matches.set(scenario, found);
  }
  return found;
}
