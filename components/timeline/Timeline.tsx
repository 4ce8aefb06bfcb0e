'use client';

import { SPEEDS } from '@/lib/store/sandbox-store';
import { useSandbox, useSandboxStore, useTimeline } from '@/components/sandbox/store-context';
import { PauseIcon, PlayIcon, ReplayIcon, StepBackIcon, StepForwardIcon, ToEndIcon, ToStartIcon } from '@/components/ui/icons';
import { SpeedSelect } from '@/components/ui/SpeedSelect';
import { ScaleToggle } from './ScaleToggle';
import { Scrubber } from './Scrubber';

const buttonClass =
  'inline-flex h-10 min-w-10 items-center justify-center rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/** The transport buttons, the speed and the time scale, and the scrubber with the run's ending marked. */
export function Timeline() {
  const store = useSandboxStore();
  const actions = store.getState();
  const cursor = useSandbox((s) => s.cursor);
  const playing = useSandbox((s) => s.playing);
  const speed = useSandbox((s) => s.speed);
  const timeline = useTimeline();
  const atEnd = cursor >= timeline.totalSimMs;

  return (
    <div role="group" aria-label="Playback" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={buttonClass} onClick={actions.toStart} aria-label="Go to start" title="Go to start (Home)">
          <ToStartIcon />
        </button>
        <button type="button" className={buttonClass} onClick={actions.stepBack} aria-label="Step back" title="Step back one event (←)">
          <StepBackIcon />
        </button>
        <button type="button" className={`${buttonClass} min-w-20`} onClick={actions.togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play or pause (Space)">
          {playing ? <PauseIcon /> : atEnd ? <ReplayIcon /> : <PlayIcon />}
          <span className="ml-1.5">{playing ? 'Pause' : atEnd ? 'Play again' : 'Play'}</span>
        </button>
        <button type="button" className={buttonClass} onClick={actions.stepForward} aria-label="Step forward" title="Step forward one event (→)">
          <StepForwardIcon />
        </button>
        <button type="button" className={buttonClass} onClick={actions.toEnd} aria-label="Go to end" title="Go to end (End)">
          <ToEndIcon />
        </button>
        <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1.5">
          <ScaleToggle />
          <SpeedSelect speeds={SPEEDS} value={speed} onChange={actions.setSpeed} className="h-10" />
        </div>
      </div>
      <Scrubber />
    </div>
  );
}
