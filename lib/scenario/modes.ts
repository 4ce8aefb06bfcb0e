/**
 * Switching between one request and a traffic run. The settings carry over (every request of a traffic run is
 * the single run's request), except those a rule ties to the mode: a mix of API and static requests exists only
 * in traffic, so leaving traffic puts the kind back to its default (rules.ts).
 */
import { DEFAULT_SCENARIO } from './defaults';
import { getAt, setAt } from './paths';
import { RULES } from './rules';
import type { Scenario } from './schema';
import type { Mode } from './vocabulary';

export function withMode(scenario: Scenario, mode: Mode): Scenario {
  if (scenario.mode === mode) return scenario;
  let next: Scenario = { ...scenario, mode };
  for (const rule of RULES) {
    if (rule.holds(next)) continue;
    for (const path of rule.resets) next = setAt(next, path, getAt(DEFAULT_SCENARIO, path));
  }
  return next;
}
