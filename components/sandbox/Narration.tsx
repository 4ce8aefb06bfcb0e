'use client';

import { useFrame, useResult } from './store-context';

/** The caption for the current event, announced politely to screen readers as playback moves. */
export function Narration() {
  const result = useResult();
  const frame = useFrame();
  const event = frame.currentEventId === null ? null : result.events[frame.currentEventId];
  return (
    <div className="min-h-16 rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {event ? `Step ${event.id + 1} of ${result.events.length}` : 'Ready'}
      </p>
      <p aria-live="polite" aria-atomic="true" className="mt-1 text-base">
        {event ? event.narration : 'Press Play, or Step forward, to follow the request hop by hop.'}
      </p>
    </div>
  );
}
