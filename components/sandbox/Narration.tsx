'use client';

import { eventStatus } from '@/lib/playback/frame';
import { eventPlace, formatMs } from '@/components/ui/format';
import { useFrame, useResult } from './store-context';

/** Long work that began earlier and goes on under the caption's event: at most this many are named. */
const MAX_RUNNING = 3;

/**
 * The caption: the step's number, the time, and one sentence for the event at the cursor, announced
 * politely to screen readers as playback moves. Below it, what is still running from earlier steps, so a
 * 4 s query stays in view while the app times out and retries under it.
 */
export function Narration() {
  const result = useResult();
  const frame = useFrame();
  const event = frame.currentEventId === null ? null : result.events[frame.currentEventId];
  const running = event ? result.events.filter((e) => e.durationMs > 0 && eventStatus(e, event.id, frame.t) === 'running') : [];
  return (
    <div className="min-h-16 rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
      <p className="flex flex-wrap items-baseline gap-x-3 text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
        <span>{event ? `Step ${event.id + 1} of ${result.events.length}` : 'Ready'}</span>
        {event ? <span className="font-mono tracking-normal normal-case tabular-nums">at {formatMs(event.t)}</span> : null}
      </p>
      <p aria-live="polite" aria-atomic="true" className="mt-1 text-base">
        {event ? event.narration : 'Press Play, or Step forward, to follow the request hop by hop.'}
      </p>
      {running.length > 0 ? (
        <p className="mt-1.5 text-sm text-slate-700 dark:text-slate-300">
          <span className="font-medium">Still running: </span>
          {running
            .slice(-MAX_RUNNING)
            .map((e) => `${eventPlace(e)} (${e.kind}, ${formatMs(e.t)} → ${formatMs(e.t + e.durationMs)})`)
            .join('; ')}
        </p>
      ) : null}
    </div>
  );
}
