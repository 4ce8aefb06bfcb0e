'use client';

import { useId } from 'react';
import type { TimeScale } from '@/lib/playback/timeline';
import { useSandbox, useSandboxStore } from '@/components/sandbox/store-context';

const SCALES: { value: TimeScale; label: string; hint: string }[] = [
  { value: 'display', label: 'Readable', hint: 'Short hops get room to be seen' },
  { value: 'true', label: 'True time', hint: 'Lengths as they really are' },
];

/** Chooses the scale of the scrubber and the waterfall: readable display time, or true time. */
export function ScaleToggle() {
  const store = useSandboxStore();
  const scale = useSandbox((s) => s.scale);
  const name = useId();
  return (
    <fieldset className="flex items-center gap-1 text-xs">
      <legend className="float-left mr-1.5 text-sm">Time scale</legend>
      {SCALES.map((s) => (
        <label key={s.value} title={s.hint} className="flex cursor-pointer items-center gap-1 rounded border border-slate-300 px-2 py-1 has-checked:border-blue-700 has-checked:bg-blue-50 dark:border-slate-600 dark:has-checked:bg-blue-950">
          <input type="radio" name={name} value={s.value} checked={scale === s.value} onChange={() => store.getState().setScale(s.value)} className="accent-blue-700" />
          {s.label}
        </label>
      ))}
    </fieldset>
  );
}
