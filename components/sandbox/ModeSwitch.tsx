'use client';

/**
 * One request or many: the sandbox's two ways to run the same conditions. Kept in the link as `mode=traffic`.
 * Switching keeps every setting (withMode), so the learner compares the same system one request at a time and
 * under load.
 */
import { withMode } from '@/lib/scenario/modes';
import { useSandbox, useSandboxStore } from './store-context';

const MODES = [
  { value: 'single', label: 'One request', hint: 'event by event' },
  { value: 'traffic', label: 'Traffic', hint: 'many requests, charted' },
] as const;

export function ModeSwitch() {
  const store = useSandboxStore();
  const mode = useSandbox((s) => (s.scenario.mode === 'traffic' ? 'traffic' : 'single'));
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
              onChange={() => store.getState().updateScenario((s) => withMode(s, m.value))}
            />
            <span className="font-medium">{m.label}</span>
            <span className="text-xs opacity-90">{m.hint}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
