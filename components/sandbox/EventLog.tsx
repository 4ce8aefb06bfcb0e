'use client';

/**
 * The event log doubles as the text transcript of the flow: every event, in order, with its time,
 * place, transport and decision. It follows the cursor; clicking a line jumps there.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { eventStatus } from '@/lib/playback/frame';
import type { SimEvent } from '@/lib/sim';
import { eventPlace, eventTransport, formatMs } from '@/components/ui/format';
import { useFrame, useResult, useSandboxStore } from './store-context';

type Filter = 'all' | 'legs' | 'decisions';

const FILTERS: Record<Filter, { label: string; keep: (e: SimEvent) => boolean }> = {
  all: { label: 'Everything', keep: () => true },
  legs: { label: 'Packets', keep: (e) => Boolean(e.leg) },
  decisions: { label: 'Decisions', keep: (e) => !e.leg },
};

export function EventLog() {
  const store = useSandboxStore();
  const result = useResult();
  const frame = useFrame();
  const [filter, setFilter] = useState<Filter>('all');
  const listRef = useRef<HTMLOListElement>(null);
  const id = useId();

  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !current) return;
    // Scroll the log itself, never the page.
    const top = current.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - current.offsetHeight) {
      list.scrollTop = top - list.clientHeight / 3;
    }
  }, [frame.currentEventId]);

  const shown = result.events.filter(FILTERS[filter].keep);
  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          Event log <span className="font-normal text-slate-600 dark:text-slate-400">({result.events.length})</span>
        </h2>
        <fieldset className="flex gap-1 text-xs">
          <legend className="sr-only">Show</legend>
          {(Object.keys(FILTERS) as Filter[]).map((key) => (
            <label key={key} className="flex cursor-pointer items-center gap-1 rounded border border-slate-300 px-2 py-1 has-checked:border-blue-700 has-checked:bg-blue-50 dark:border-slate-600 dark:has-checked:bg-blue-950">
              <input type="radio" name={`${id}-filter`} value={key} checked={filter === key} onChange={() => setFilter(key)} className="accent-blue-700" />
              {FILTERS[key].label}
            </label>
          ))}
        </fieldset>
      </div>
      <ol ref={listRef} className="max-h-80 overflow-y-auto rounded-lg border border-slate-200 text-sm lg:max-h-[26rem] dark:border-slate-800" aria-label="Events in order">
        {shown.map((e) => {
          const status = eventStatus(e, frame.currentEventId, frame.t);
          return (
            <li key={e.id} aria-current={status === 'current' ? 'step' : undefined} className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
              <button
                type="button"
                onClick={() => store.getState().jumpToEvent(e.id)}
                className={`grid w-full grid-cols-[4.5rem_1fr] gap-x-2 px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${
                  status === 'current' ? 'bg-blue-100 dark:bg-blue-950' : status === 'future' ? 'text-slate-600 dark:text-slate-400' : ''
                }`}
              >
                <span className="font-mono text-xs tabular-nums">{formatMs(e.t)}</span>
                <span>
                  <span className="font-medium">{eventPlace(e)}</span>
                  {eventTransport(e) ? <span className="ml-1.5 font-mono text-xs">{eventTransport(e)}</span> : null}
                  <span className="block font-mono text-xs break-words">{e.decision ?? e.kind}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
