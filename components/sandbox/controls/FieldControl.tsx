'use client';

/** One setting's control, drawn from its entry in the field table: label, unit, hint and options come from there. */
import type { ReactElement } from 'react';
import { optionsOf } from '@/lib/scenario/field-kinds';
import { getAt, setAt, setChosen, type FieldEntry } from '@/lib/scenario/paths';
import type { Scenario } from '@/lib/scenario/schema';
import { CheckboxField, NumberField, SelectField, TextField } from './fields';
import { RulesControl } from './RulesControl';
import { TimelineEditor } from './TimelineEditor';

export type Update = (recipe: (current: Scenario) => Scenario) => void;

// The return type makes the switch exhaustive: a new kind of field without a case here does not compile.
export function FieldControl({ entry, scenario, update }: { entry: FieldEntry; scenario: Scenario; update: Update }): ReactElement | null {
  switch (entry.kind) {
    case 'int':
    case 'num':
      return (
        <NumberField
          label={entry.label}
          unit={entry.unit}
          value={getAt(scenario, entry.path)}
          min={entry.min}
          max={entry.max}
          decimals={entry.kind === 'num' ? entry.decimals : 0}
          hint={entry.hint}
          onCommit={(value) => update((s) => setAt(s, entry.path, value))}
        />
      );
    case 'schedule':
      return <TimelineEditor entry={entry} scenario={scenario} update={update} />;
    case 'securityGroup':
    case 'networkAcl':
      return <RulesControl entry={entry} scenario={scenario} update={update} />;
    case 'enum':
      return (
        <SelectField
          label={entry.label}
          value={getAt(scenario, entry.path)}
          options={optionsOf<string>(entry, getAt(scenario, entry.path), scenario.mode === 'traffic' ? 'traffic' : 'single')}
          hint={entry.hint}
          onChange={(raw) => {
            const value = entry.values.find((v) => v === raw);
            if (value !== undefined) update((s) => setAt(s, entry.path, value));
          }}
        />
      );
    case 'bool':
      return <CheckboxField label={entry.label} checked={getAt(scenario, entry.path)} hint={entry.hint} onChange={(value) => update((s) => setAt(s, entry.path, value))} />;
    case 'text':
      return (
        <TextField
          label={entry.label}
          value={getAt(scenario, entry.path)}
          maxLength={entry.maxLength}
          hint={entry.hint}
          // A header value is one line; a pasted line break would be a second header.
          onChange={(value) => update((s) => setAt(s, entry.path, entry.singleLine ? value.replace(/[\r\n]/g, '') : value))}
        />
      );
    case 'list': {
      const chosen: readonly string[] = getAt(scenario, entry.path);
      return (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="text-sm font-medium">{entry.label}</legend>
          {optionsOf<string>(entry).map(({ value, label }) => (
            <CheckboxField
              key={value}
              label={label}
              checked={chosen.includes(value)}
              onChange={(on) =>
                update((s) => {
                  const current: readonly string[] = getAt(s, entry.path);
                  return setChosen(s, entry, (v) => (v === value ? on : current.includes(v)));
                })
              }
            />
          ))}
        </fieldset>
      );
    }
  }
}
