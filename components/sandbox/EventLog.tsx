'use client';

/**
 * The event log doubles as the text transcript of the flow: every event, in order, with its step number,
 * time, place, transport and decision. It follows the cursor; picking a line makes that event the
 * caption's step. It is one tab stop: a listbox whose lines are reached with the arrow keys.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { eventStatus, type EventStatus } from '@/lib/playback/frame';
import type { SimEvent } from '@/lib/sim';
import { eventPlace, eventTransport, formatMs } from '@/components/ui/format';
import { useRovingListbox } from '@/components/ui/useRovingListbox';
import { useFrame, useResult, useSandboxStore } from './store-context';

type Filter = 'all' | 'legs' | 'decisions';

const FILTERS: Record<Filter, { label: string; keep: (e: SimEvent) => boolean }> = {
  all: { label: 'Everything', keep: () => true },
  legs: { label: 'Packets', keep: (e) => Boolean(e.leg) },
  decisions: { label: 'Decisions', keep: (e) => !e.leg },
};

/** Each status sets the left border's colour itself: two border colours on one line would fight. */
const STATUS_CLASS: Record<EventStatus, string> = {
  current: 'border-l-blue-700 bg-blue-100 dark:border-l-blue-300 dark:bg-blue-950',
  running: 'border-l-amber-500 dark:border-l-amber-400',
  past: 'border-l-transparent',
  future: 'border-l-transparent text-slate-600 dark:text-slate-400',
};

interface RowProps {
  event: SimEvent;
  index: number;
  status: EventStatus;
  tabIndex: 0 | -1;
  onPick: (index: number) => void;
}

/** One line; memoised so that playback re-renders only the lines whose status changed. */
const EventRow = memo(function EventRow({ event: e, index, status, tabIndex, onPick }: RowProps) {
  return (
    <li
      role="option"
      aria-selected={status === 'current'}
      data-option-index={index}
      data-current={status === 'current' ? '' : undefined}
      tabIndex={tabIndex}
      onClick={() => onPick(index)}
      className={`grid cursor-pointer grid-cols-[2.25rem_4.25rem_1fr] gap-x-2 border-b border-l-4 border-b-slate-100 px-2 py-1.5 last:border-b-0 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700 dark:border-b-slate-800 dark:hover:bg-slate-800 ${STATUS_CLASS[status]}`}
    >
      <span className="text-right font-mono text-xs text-slate-600 tabular-nums dark:text-slate-400">
        <span className="sr-only">Step </span>
        {e.id + 1}
      </span>
      <span className="font-mono text-xs tabular-nums">{formatMs(e.t)}</span>
      <span className="min-w-0">
        <span className="font-medium">{eventPlace(e)}</span>
        {eventTransport(e) ? <span className="ml-1.5 font-mono text-xs">{eventTransport(e)}</span> : null}
        {status === 'running' ? <span className="ml-1.5 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">still running</span> : null}
        <span className="block font-mono text-xs break-words">{e.decision ?? e.kind}</span>
      </span>
    </li>
  );
});

/** `fill`: from the lg breakpoint the list takes the height its panel gives it, and only the list scrolls. */
export function EventLog({ fill = false }: { fill?: boolean }) {
  const store = useSandboxStore();
  const result = useResult();
  const frame = useFrame();
  const [filter, setFilter] = useState<Filter>('all');
  const id = useId();

  const shown = useMemo(() => result.events.filter(FILTERS[filter].keep), [result, filter]);
  // The line that matches the screen: the caption's event, or the last shown line before it when filtered out.
  const current = frame.currentEventId;
  const activeIndex = current === null ? null : shown.findLastIndex((e) => e.id <= current);
  const pick = useCallback((event: SimEvent | undefined) => event && store.getState().jumpToEvent(event.id), [store]);
  const listRef = useRef<HTMLOListElement>(null);
  const roving = useRovingListbox(listRef, shown.length, activeIndex === -1 ? null : activeIndex, (index) => pick(shown[index]));
  const { focusFrom } = roving;
  const onRowPick = useCallback(
    (index: number) => {
      focusFrom(index);
      pick(shown[index]);
    },
    [focusFrom, pick, shown],
  );

  useEffect(() => {
    const list = listRef.current;
    const line = list?.querySelector<HTMLElement>('[data-current]');
    // While the learner moves through the log with the keyboard, the log stays where they put it.
    if (!list || !line || list.contains(document.activeElement)) return;
    // Scroll the log itself, never the page.
    const top = line.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - line.offsetHeight) {
      list.scrollTop = top - list.clientHeight / 3;
    }
  }, [current]);

  return (
    <section aria-labelledby={`${id}-heading`} className={`flex min-h-0 flex-col gap-2 ${fill ? 'lg:flex-1' : ''}`}>
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
      <ol
        role="listbox"
        aria-label="Events in order"
        ref={listRef}
        onKeyDown={roving.onKeyDown}
        onBlur={roving.onBlur}
        className={`max-h-80 overflow-y-auto rounded-lg border border-slate-200 text-sm dark:border-slate-800 ${fill ? 'lg:max-h-none lg:min-h-0 lg:flex-1' : 'lg:max-h-[26rem]'}`}
      >
        {shown.map((e, index) => (
          <EventRow key={e.id} event={e} index={index} status={eventStatus(e, current, frame.t)} tabIndex={roving.tabIndexOf(index)} onPick={onRowPick} />
        ))}
      </ol>
    </section>
  );
}
