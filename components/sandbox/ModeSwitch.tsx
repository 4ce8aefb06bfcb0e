'use client';

/**
 * One request, many, or the backoff study: the sandbox's ways to run the conditions, kept in the link as `mode`.
 * Switching between the first two keeps every setting (withMode), so the learner compares the same system one
 * request at a time and under load.
 */
import { withMode } from '@/lib/scenario/modes';
import type { Mode } from '@/lib/scenario/vocabulary';
import { useSandbox, useSandboxStore } from './store-context';

const MODES = [
  { value: 'single', label: 'One request', hint: 'event by event' },
  { value: 'traffic', label: 'Traffic', hint: 'many requests, charted' },
  { value: 'backoff-study', label: 'Backoff study', hint: 'clients racing' },
] as const;

export function ModeSwitch() {
  const store = useSandboxStore();
  const mode = useSandbox((s) => s.scenario.mode);
  const choose = (next: Mode) => {
    // The study starts from the 2015 study's own settings (its base and cap); the others keep every setting.
    if (next === 'backoff-study') store.getState().loadPreset('backoff-study');
    else store.getState().updateScenario((s) => withMode(s, next));
  };
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="text-sm font-medium">Run</legend>
      <div className="inline-flex w-full rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
        {MODES.map((m) => (
          <label
            key={m.value}
            className="flex flex-1 cursor-pointer flex-col items-center rounded px-2 py-1 text-center text-sm has-checked:bg-blue-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-blue-600"
          >
            <input
              type="radio"
              name="sandbox-mode"
              value={m.value}
              className="sr-only"
              checked={mode === m.value}
              onChange={() => choose(m.value)}
            />
            <span className="font-medium">{m.label}</span>
            <span className="text-xs opacity-90">{m.hint}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
