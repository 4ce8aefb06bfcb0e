'use client';

/**
 * Every cause the engine understands, as a labelled control. Each control changes the scenario;
 * none of them says what will happen — the engine works that out. The controls are drawn from the
 * field table (lib/scenario/fields.ts), group by group; only the payload has a control of its own.
 */
import { type ReactNode } from 'react';
import { presetMatching } from '@/lib/compare/preset-match';
import { GROUPS } from '@/lib/scenario/field-kinds';
import { FIELD_ENTRIES, type FieldEntry } from '@/lib/scenario/paths';
import { PRESETS, TRAFFIC_PRESETS, presetById, type Preset } from '@/lib/scenario/presets';
import type { Mode } from '@/lib/scenario/vocabulary';
import type { Scenario } from '@/lib/scenario/schema';
import { FieldControl, type Update } from './controls/FieldControl';
import { Group, SelectField } from './controls/fields';
import { PayloadControl } from './controls/PayloadControl';
import { useSandbox, useSandboxStore } from './store-context';

function control(entry: FieldEntry, scenario: Scenario, update: Update): ReactNode {
  if (entry.path === 'request.payload') return <PayloadControl key={entry.path} scenario={scenario} update={update} />;
  return <FieldControl key={entry.path} entry={entry} scenario={scenario} update={update} />;
}

/** A group's controls in table order; neighbouring half-width fields share a row. */
function groupControls(entries: readonly FieldEntry[], scenario: Scenario, update: Update): ReactNode[] {
  const out: ReactNode[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const next = entries[i + 1];
    if (entry.kind === 'int' && entry.half && next?.kind === 'int' && next.half) {
      out.push(
        <div key={entry.path} className="grid grid-cols-2 gap-2">
          {control(entry, scenario, update)}
          {control(next, scenario, update)}
        </div>,
      );
      i++;
    } else {
      out.push(control(entry, scenario, update));
    }
  }
  return out;
}

type MenuOption = { value: string; label: string };
const menuOf = (presets: readonly Preset[], skip: string): MenuOption[] => presets.filter((p) => p.id !== skip).map((p) => ({ value: p.id, label: p.title }));

/** The preset each run starts from when the menu's first choice is picked. */
const DEFAULT_PRESET: Readonly<Record<Mode, string>> = { single: 'api-get', traffic: 'traffic', 'backoff-study': 'backoff-study' };

const PRESET_MENUS: Readonly<Record<Mode, MenuOption[]>> = {
  single: [{ value: '', label: 'Default: a healthy API call' }, ...menuOf(PRESETS, 'api-get')],
  traffic: [{ value: '', label: 'Default: a steady load' }, ...menuOf(TRAFFIC_PRESETS.filter((p) => p.changes.mode === 'traffic'), 'traffic')],
  'backoff-study': [{ value: '', label: 'Default: the 2015 study’s settings' }],
};

export function ControlsPanel() {
  const store = useSandboxStore();
  const scenario = useSandbox((s) => s.scenario);
  // The menu names what the conditions amount to now, not the preset they started from.
  const match = presetMatching(scenario);
  const update: Update = (recipe) => store.getState().updateScenario(recipe);
  const { mode } = scenario;
  // Each run has its own stories: one request's presets, the incidents only many requests show, or the study's settings.
  const presetOptions = PRESET_MENUS[mode];
  const defaultPreset = DEFAULT_PRESET[mode];

  return (
    <form aria-label="Conditions" className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label="Start from a preset"
        value={match === 'default' || match === defaultPreset ? '' : match}
        options={match === 'custom' ? [...presetOptions, { value: 'custom', label: 'Custom' }] : presetOptions}
        onChange={(id) => id !== 'custom' && store.getState().loadPreset(id || defaultPreset)}
        hint={
          match === 'custom'
            ? 'Your own conditions: they match no preset. Pick one to start again from it.'
            : match === 'default' || match === defaultPreset
              ? 'Change any condition below; the engine works out the rest.'
              : presetById(match)?.description
        }
      />
      {GROUPS.filter((group) => (group.modes as readonly string[]).includes(mode)).map((group) => (
        <Group key={group.id} legend={group.legend} collapsed={'collapsed' in group}>
          {groupControls(
            FIELD_ENTRIES.filter((e) => e.group === group.id || ('also' in group && (group.also as readonly string[]).includes(e.path))),
            scenario,
            update,
          )}
        </Group>
      ))}
    </form>
  );
}
