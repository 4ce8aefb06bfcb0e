/**
 * Which preset the conditions amount to, if any: the preset menu names it, and says "Custom" once the
 * conditions match none. Worked out from the scenario (memoised by identity), never stored.
 */
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { PRESETS, TRAFFIC_PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';

/** Structural equality for plain data (numbers, strings, booleans, arrays and objects). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

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
