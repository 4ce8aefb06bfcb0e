'use client';

/**
 * The traffic run's timeline: what happens at which simulated second (a deploy, an invalidation, a fault
 * starting or ending, an attack, a failover). Each moment is a row with its time and its action; the action's
 * meaning is read out under it. The list is kept in time order, as the link writes it.
 */
import { useId } from 'react';
import { inTimeOrder, type Moment } from '@/lib/scenario/field-kinds';
import { getAt, setAt, type FieldEntry } from '@/lib/scenario/paths';
import type { Scenario } from '@/lib/scenario/schema';
import type { Update } from './FieldControl';
import { NumberField } from './fields';

type ScheduleEntry = Extract<FieldEntry, { kind: 'schedule' }>;

const selectClass =
  'h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
const buttonClass =
  'rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

export function TimelineEditor({ entry, scenario, update }: { entry: ScheduleEntry; scenario: Scenario; update: Update }) {
  const id = useId();
  const moments: readonly Moment[] = getAt(scenario, entry.path);
  const durationS = scenario.traffic.durationS;
  const write = (next: readonly Moment[]) => update((s) => setAt(s, entry.path, inTimeOrder(next) as never));
  const change = (index: number, patch: Partial<Moment>) => write(moments.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const add = () => {
    const last = moments.at(-1)?.atS ?? 0;
    // A new moment lands a little after the last one, inside the run when there is room.
    const atS = Math.min(entry.maxS, moments.length ? Math.min(last + 10, Math.max(last, durationS - 1)) : Math.floor(durationS / 3));
    write([...moments, { atS, action: entry.actions[0]! }]);
  };

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">{entry.label}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-700 dark:text-slate-300">
        {moments.length ? `${moments.length} moment${moments.length === 1 ? '' : 's'}, in time order.` : 'Nothing happens during the run.'} The run lasts {durationS} s.
      </p>
      {moments.length ? (
        <ol className="flex flex-col gap-2">
          {moments.map((moment, index) => {
            const n = index + 1;
            const late = moment.atS >= durationS;
            return (
              <li key={index} className="flex flex-col gap-1 rounded-md border border-slate-200 p-2 dark:border-slate-700">
                <div className="grid grid-cols-[6rem_minmax(0,1fr)] items-end gap-2">
                  <NumberField
                    label={`Moment ${n}: at`}
                    unit="s"
                    value={moment.atS}
                    min={0}
                    max={entry.maxS}
                    decimals={entry.decimals}
                    onCommit={(atS) => change(index, { atS })}
                  />
                  <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
                    {`Moment ${n}: action`}
                    <select className={selectClass} value={moment.action} onChange={(e) => change(index, { action: e.target.value })}>
                      {entry.actions.map((action) => (
                        <option key={action} value={action}>
                          {action}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <p className="text-xs text-slate-700 dark:text-slate-300">
                  {(entry.options as Readonly<Record<string, string>>)[moment.action]}
                  {late ? ` It falls after the run ends at ${durationS} s, so it never happens.` : ''}
                </p>
                <button type="button" className={`${buttonClass} self-start`} onClick={() => write(moments.filter((_, i) => i !== index))}>
                  Remove moment {n}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      <button type="button" className={`${buttonClass} self-start`} onClick={add} disabled={moments.length >= entry.maxEntries}>
        Add a moment
      </button>
    </fieldset>
  );
}
