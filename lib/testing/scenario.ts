/** Builds a scenario from the defaults plus the causes a test is about. */
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { applyChanges, type Preset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';

export function scenarioWith(changes: Preset['changes'] = {}): Scenario {
  return applyChanges(DEFAULT_SCENARIO, changes);
}
