'use client';

/**
 * The scrubber: a native range over the run, on the chosen scale. Dragging seeks anywhere. Its keys move
 * through the story, not by a sliver of a millisecond: ←/→ (and ↓/↑) step by event, Page Up/Down move a
 * tenth of the run, Home and End jump to the ends.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { fractionOf, simAtFraction } from '@/lib/playback/timeline';
import { useFrame, useResult, useSandbox, useSandboxStore, useTimeline } from '@/components/sandbox/store-context';
import { formatMs } from '@/components/ui/format';
import { EndingMarks } from './EndingMarks';

/** Positions along the range; enough for a pixel each on a wide screen. */
const RESOLUTION = 1000;
const PAGE = RESOLUTION / 10;

export function Scrubber() {
  const store = useSandboxStore();
  const cursor = useSandbox((s) => s.cursor);
  const scale = useSandbox((s) => s.scale);
  const timeline = useTimeline();
  const result = useResult();
  const frame = useFrame();
  const id = useId();
  const pointerDown = useRef(false);
  const value = Math.round(fractionOf(timeline, scale, cursor) * RESOLUTION);

  useEffect(() => {
    const release = () => (pointerDown.current = false);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, []);

  const seekTo = (position: number) => {
    const actions = store.getState();
    actions.pause();
    actions.seek(simAtFraction(timeline, scale, Math.min(RESOLUTION, Math.max(0, position)) / RESOLUTION));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const actions = store.getState();
    const handlers: Record<string, () => void> = {
      ArrowRight: actions.stepForward,
      ArrowUp: actions.stepForward,
      ArrowLeft: actions.stepBack,
      ArrowDown: actions.stepBack,
      PageUp: () => seekTo(value + PAGE),
      PageDown: () => seekTo(value - PAGE),
      Home: actions.toStart,
      End: actions.toEnd,
    };
    const handler = handlers[event.key];
    if (!handler || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    handler();
  };

  const step = frame.currentEventId === null ? 'before the first step' : `step ${frame.currentEventId + 1} of ${result.events.length}`;
  return (
    <div className="flex items-start gap-3">
      <div className="relative min-w-0 flex-1">
        <label htmlFor={id} className="sr-only">
          Playback position
        </label>
        <input
          id={id}
          type="range"
          className="block h-5 w-full cursor-pointer accent-blue-700"
          min={0}
          max={RESOLUTION}
          step={1}
          value={value}
          aria-valuetext={`${formatMs(cursor)} of ${formatMs(timeline.totalSimMs)}, ${step}`}
          onPointerDown={() => (pointerDown.current = true)}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            const next = Number(e.target.value);
            // A change of one position with no pointer down comes from assistive technology's increment
            // and decrement gestures (keys are handled above): those step through the story too.
            if (!pointerDown.current && Math.abs(next - value) === 1) {
              if (next > value) store.getState().stepForward();
              else store.getState().stepBack();
              return;
            }
            seekTo(next);
          }}
        />
        <EndingMarks />
      </div>
      <output htmlFor={id} className="shrink-0 pt-0.5 font-mono text-xs text-slate-700 tabular-nums dark:text-slate-300">
        {formatMs(cursor)} / {formatMs(timeline.totalSimMs)}
      </output>
    </div>
  );
}
