'use client';

/**
 * The waterfall: each call as a bar on the time axis, like the network panel of a browser's developer
 * tools, nested under the call that waits for it. It follows the cursor (a line, and a veil over what has
 * not happened yet) on the scrubber's scale; picking a bar, or a stretch of one, steps to that event.
 * Like the event log it is one tab stop, a listbox moved through with the arrow keys.
 */
import { useCallback, useEffect, useId, useRef } from 'react';
import { endingOf } from '@/lib/playback/answer';
import { tickLabel, ticksFor } from '@/lib/playback/axis';
import { currentStep } from '@/lib/playback/steps';
import { fractionOf } from '@/lib/playback/timeline';
import { resultOf, waterfallFor } from '@/lib/store/derived';
import { useResult, useSandbox, useSandboxStore, useTimeline, useWaterfall } from '@/components/sandbox/store-context';
import { useRovingListbox } from '@/components/ui/useRovingListbox';
import { HATCH, WaterfallRow } from './WaterfallRow';

/** The bar holding the caption's event; a number, so the rows re-render when it changes, not every frame. */
function useCurrentBar(): number | null {
  return useSandbox((s) => {
    const result = resultOf(s);
    const current = currentStep(result.events, { t: s.cursor, step: s.step });
    return current === null ? null : (waterfallFor(result).barOfEvent[current] ?? null);
  });
}

/** The cursor's line and the veil over the future, the only parts that move every frame. */
function CursorOverlay({ place }: { place: (ms: number) => number }) {
  const cursor = useSandbox((s) => s.cursor);
  const at = place(cursor) * 100;
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-2 left-(--wf-label)">
      <div className="absolute inset-y-0 -right-2 bg-white/60 dark:bg-slate-950/60" style={{ left: `${at}%` }} />
      <div className="absolute inset-y-0 w-0.5 bg-blue-700 dark:bg-blue-300" style={{ left: `${at}%` }} />
    </div>
  );
}

function Legend() {
  const swatch = 'inline-block h-2.5 w-4 rounded-sm align-middle';
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Legend">
      <li>
        <span className={`${swatch} bg-orange-400 dark:bg-orange-300`} /> connecting
      </li>
      <li>
        <span className={`${swatch} bg-emerald-500/60`} /> waiting
      </li>
      <li>
        <span className={`${swatch} bg-emerald-700 dark:bg-emerald-300`} /> answer back
      </li>
      <li>
        <span className={`${swatch} bg-red-400/60`} /> ended in an error
      </li>
      <li>
        <span className={`${swatch} bg-slate-400`} /> caller gave up
      </li>
      <li>
        <span className="inline-block h-3 w-0.5 bg-red-700 align-middle dark:bg-red-400" /> timeout
      </li>
      <li>
        <span className={`${swatch} ${HATCH}`} /> work nobody reads
      </li>
    </ul>
  );
}

/**
 * The waterfall sits in a panel a phone's width wide (the sandbox's tabs, at every screen size), so each tick
 * label needs a quarter of the axis to stay clear of the next.
 */
const MIN_TICK_GAP = 0.25;

export function Waterfall() {
  const store = useSandboxStore();
  const result = useResult();
  const timeline = useTimeline();
  const scale = useSandbox((s) => s.scale);
  const { bars } = useWaterfall();
  const currentBar = useCurrentBar();
  const id = useId();

  const place = useCallback((ms: number) => fractionOf(timeline, scale, ms), [timeline, scale]);
  const currentIndex = bars.findIndex((b) => b.id === currentBar);
  const listRef = useRef<HTMLUListElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const roving = useRovingListbox(listRef, bars.length, currentIndex === -1 ? null : currentIndex, (index) => {
    const bar = bars[index];
    if (bar) store.getState().jumpToEvent(bar.requestId ?? bar.id);
  });
  const { focusFrom } = roving;
  const onPick = useCallback(
    (index: number, eventId: number) => {
      focusFrom(index);
      store.getState().jumpToEvent(eventId);
    },
    [focusFrom, store],
  );

  useEffect(() => {
    const scroller = scrollerRef.current;
    const row = scroller?.querySelector<HTMLElement>('[data-current]');
    // Keep the current bar in view by scrolling the waterfall only, and not while the learner moves in it.
    if (!scroller || !row || listRef.current?.contains(document.activeElement)) return;
    const top = row.offsetTop;
    if (top < scroller.scrollTop + 24 || top > scroller.scrollTop + scroller.clientHeight - row.offsetHeight) {
      scroller.scrollTop = top - scroller.clientHeight / 3;
    }
  }, [currentBar]);

  if (bars.length === 0) return null;
  const ticks = ticksFor(timeline.totalSimMs, place, MIN_TICK_GAP);
  const ending = endingOf(result);

  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          Waterfall
        </h2>
        <p className="text-xs text-slate-700 dark:text-slate-300">Each call is a bar, under the call that waits for it. Pick one to step to it.</p>
      </div>
      <Legend />
      <div ref={scrollerRef} className="max-h-80 overflow-y-auto rounded border border-slate-100 [--wf-label:7.5rem] sm:[--wf-label:9.5rem] dark:border-slate-800">
        <div className="relative">
          <div aria-hidden="true" className="sticky top-0 z-10 grid h-6 grid-cols-[var(--wf-label)_1fr] items-end border-b border-slate-200 bg-white text-[11px] text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
            <span className="truncate pb-0.5 pl-1">{scale === 'true' ? 'True time' : 'Readable time'}</span>
            <span className="relative mr-2 h-full">
              {ticks.map((tick) => (
                <span key={tick.ms} className="absolute bottom-0 border-l border-slate-300 pb-0.5 pl-0.5 leading-none whitespace-nowrap dark:border-slate-600" style={{ left: `${tick.at * 100}%` }}>
                  {tickLabel(tick.ms)}
                </span>
              ))}
            </span>
          </div>
          <ul role="listbox" aria-label="Calls, who waits for whom" ref={listRef} onKeyDown={roving.onKeyDown} onBlur={roving.onBlur} className="py-0.5">
            {bars.map((bar, index) => (
              <WaterfallRow key={bar.id} bar={bar} index={index} place={place} selected={bar.id === currentBar} tabIndex={roving.tabIndexOf(index)} onPick={onPick} />
            ))}
          </ul>
          <CursorOverlay place={place} />
          <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-2 left-(--wf-label)">
            <div className="absolute inset-y-0 border-l border-dashed border-emerald-700 dark:border-emerald-400" style={{ left: `${place(ending.answerAt) * 100}%` }} />
          </div>
        </div>
      </div>
    </section>
  );
}
