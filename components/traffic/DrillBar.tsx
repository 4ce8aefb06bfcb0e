'use client';

/**
 * Above a request drilled into from the charts: which request it is, and the way back to the run. It stays on
 * screen from the moment the request is opened, while its replay is on its way, to its own views; its live region
 * says when the replay is ready, and when the learner opened the request by hand, its button takes the focus that
 * the control they used lost.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { stageOf } from '@/lib/store/sandbox-store';

export function DrillBar({ takeFocusRef }: { takeFocusRef?: RefObject<boolean> }) {
  const store = useSandboxStore();
  const request = useSandbox((s) => s.request);
  const replaying = useSandbox((s) => stageOf(s) === 'replaying');
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!takeFocusRef?.current) return;
    takeFocusRef.current = false;
    back.current?.focus();
  }, [takeFocusRef]);

  if (request === null) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-blue-300 bg-blue-50 px-3 py-2 text-sm dark:border-blue-800 dark:bg-blue-950/40">
      <button
        ref={back}
        type="button"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
        onClick={() => store.getState().drill(null)}
      >
        ← Back to the charts
      </button>
      <p className="min-w-0">
        Request <strong>{request}</strong> of the traffic run, replayed hop by hop exactly as it ran among the others: the same queues, cache and faults.
      </p>
      <p role="status" className="sr-only">
        {replaying ? `Replaying request ${request}…` : `Request ${request} is ready: step through it with the player.`}
      </p>
    </div>
  );
}
