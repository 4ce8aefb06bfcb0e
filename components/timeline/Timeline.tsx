'use client';

import { useId } from 'react';
import { displayToSim, simToDisplay } from '@/lib/playback/timeline';
import { SPEEDS, type Speed } from '@/lib/store/sandbox-store';
import { useResult, useSandbox, useSandboxStore, useTimeline } from '@/components/sandbox/store-context';
import { formatMs } from '@/components/ui/format';
import { PauseIcon, PlayIcon, ReplayIcon, StepBackIcon, StepForwardIcon, ToEndIcon, ToStartIcon } from '@/components/ui/icons';

const buttonClass =
  'inline-flex h-10 min-w-10 items-center justify-center rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

export function Timeline() {
  const store = useSandboxStore();
  const actions = store.getState();
  const cursor = useSandbox((s) => s.cursor);
  const playing = useSandbox((s) => s.playing);
  const speed = useSandbox((s) => s.speed);
  const timeline = useTimeline();
  const result = useResult();
  const atEnd = cursor >= timeline.totalSimMs;
  const scrubberId = useId();
  const display = simToDisplay(timeline, cursor);
  const started = result.events.filter((e) => e.t + e.durationMs <= cursor).length;

  return (
    <div role="group" aria-label="Playback" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={buttonClass} onClick={actions.toStart} aria-label="Go to start" title="Go to start (Home)">
          <ToStartIcon />
        </button>
        <button type="button" className={buttonClass} onClick={actions.stepBack} aria-label="Step back" title="Step back (←)">
          <StepBackIcon />
        </button>
        <button type="button" className={`${buttonClass} min-w-20`} onClick={actions.togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play or pause (Space)">
          {playing ? <PauseIcon /> : atEnd ? <ReplayIcon /> : <PlayIcon />}
          <span className="ml-1.5">{playing ? 'Pause' : atEnd ? 'Play again' : 'Play'}</span>
        </button>
        <button type="button" className={buttonClass} onClick={actions.stepForward} aria-label="Step forward" title="Step forward (→)">
          <StepForwardIcon />
        </button>
        <button type="button" className={buttonClass} onClick={actions.toEnd} aria-label="Go to end" title="Go to end (End)">
          <ToEndIcon />
        </button>
        <label className="ml-auto flex items-center gap-2 text-sm">
          <span>Speed</span>
          <select
            className="h-10 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
            value={speed}
            onChange={(e) => actions.setSpeed(Number(e.target.value) as Speed)}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex items-center gap-3">
        <label htmlFor={scrubberId} className="sr-only">
          Playback position
        </label>
        <input
          id={scrubberId}
          type="range"
          className="h-2 w-full cursor-pointer accent-blue-700"
          min={0}
          max={Math.round(timeline.totalDisplayMs)}
          step={1}
          value={Math.round(display)}
          aria-valuetext={`${formatMs(cursor)} of ${formatMs(timeline.totalSimMs)}, ${started} of ${result.events.length} events done`}
          onChange={(e) => {
            actions.pause();
            actions.seek(displayToSim(timeline, Number(e.target.value)));
          }}
        />
        <output htmlFor={scrubberId} className="shrink-0 font-mono text-xs tabular-nums text-slate-700 dark:text-slate-300">
          {formatMs(cursor)} / {formatMs(timeline.totalSimMs)}
        </output>
      </div>
      <AnswerMarker />
    </div>
  );
}

/**
 * When work goes on after the learner's answer arrived, both moments are marked under the scrubber:
 * the answer, and the stretch of work whose result nobody reads.
 */
function AnswerMarker() {
  const timeline = useTimeline();
  const { outcome } = useResult();
  if (outcome.workEndedAtMs <= outcome.latencyMs + 1 || timeline.totalDisplayMs <= 0) return null;
  const at = (simToDisplay(timeline, outcome.latencyMs) / timeline.totalDisplayMs) * 100;
  return (
    <div className="relative mr-24 h-5 text-[11px] leading-5 text-slate-700 dark:text-slate-300" aria-hidden="true">
      <div className="absolute inset-y-1 right-0 rounded-sm bg-[repeating-linear-gradient(45deg,var(--color-amber-300)_0_4px,transparent_4px_8px)] opacity-70 dark:opacity-50" style={{ left: `${at}%` }} />
      <div className="absolute inset-y-0 w-0.5 bg-emerald-700 dark:bg-emerald-400" style={{ left: `${at}%` }} />
      <span className="absolute whitespace-nowrap" style={at > 60 ? { right: `${100 - at}%`, paddingRight: 6 } : { left: `${at}%`, paddingLeft: 6 }}>
        Answer at {formatMs(outcome.latencyMs)}; work unread until {formatMs(outcome.workEndedAtMs)}
      </span>
    </div>
  );
}
