'use client';

/**
 * For developers only: the store's inputs and the run's raw events, as JSON. Rendered in `next dev`,
 * never in a production build (the condition is a build-time constant, so the code is dropped).
 */
import { useShallow } from 'zustand/react/shallow';
import { useResult, useSandbox } from './store-context';

function DebugContents() {
  const result = useResult();
  // useShallow: the selector builds a new object, which must not count as a change when its fields are equal.
  const inputs = useSandbox(useShallow((s) => ({ scenario: s.scenario, preset: s.preset, cursor: s.cursor, playing: s.playing, speed: s.speed, selection: s.selection, notices: s.notices, motion: s.motion })));
  return (
    <details className="rounded-lg border border-dashed border-slate-400 p-3 text-xs">
      <summary className="cursor-pointer font-mono">Debug (development only)</summary>
      <h3 className="mt-2 font-semibold">Store inputs</h3>
      <pre className="max-h-64 overflow-auto">{JSON.stringify(inputs, null, 2)}</pre>
      <h3 className="mt-2 font-semibold">Outcome and summary</h3>
      <pre className="max-h-64 overflow-auto">{JSON.stringify({ outcome: result.outcome, summary: result.summary }, null, 2)}</pre>
      <h3 className="mt-2 font-semibold">Events ({result.events.length})</h3>
      <pre className="max-h-96 overflow-auto">{JSON.stringify(result.events, null, 2)}</pre>
    </details>
  );
}

export function DebugPanel() {
  if (process.env.NODE_ENV === 'production') return null;
  return <DebugContents />;
}
