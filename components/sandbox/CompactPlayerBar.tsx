'use client';

/**
 * On a phone the diagram fills the screen and the player sits below it. While the diagram is on screen
 * and the player is not, this bar keeps step back, play and step forward at hand, with the step and its
 * caption, calling the same store actions as the player. Once something on the diagram is selected, it
 * also offers the inspector, which sits under the player.
 */
import type { RefObject } from 'react';
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from '@/components/ui/icons';
import { useOnScreen } from '@/components/ui/useOnScreen';
import { useFrame, useResult, useSandbox, useSandboxStore } from './store-context';

const buttonClass =
  'inline-flex h-11 min-w-11 shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

interface CompactPlayerBarProps {
  diagram: RefObject<HTMLElement | null>;
  player: RefObject<HTMLElement | null>;
  onShowInspector: () => void;
}

export function CompactPlayerBar({ diagram, player, onShowInspector }: CompactPlayerBarProps) {
  const store = useSandboxStore();
  const playing = useSandbox((s) => s.playing);
  const selection = useSandbox((s) => s.selection);
  const result = useResult();
  const frame = useFrame();
  const diagramOnScreen = useOnScreen(diagram);
  const playerOnScreen = useOnScreen(player);
  const event = frame.currentEventId === null ? null : result.events[frame.currentEventId];
  const actions = store.getState();

  return (
    <div
      role="group"
      aria-label="Player bar"
      hidden={!diagramOnScreen || playerOnScreen}
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white/95 px-3 py-2 shadow-[0_-2px_8px_rgb(0_0_0/0.08)] backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-950/95"
    >
      <div className="mx-auto flex max-w-screen-sm items-center gap-2">
        <button type="button" className={buttonClass} onClick={actions.stepBack} aria-label="Step back">
          <StepBackIcon />
        </button>
        <button type="button" className={buttonClass} onClick={actions.togglePlay} aria-label={playing ? 'Pause' : 'Play'}>
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button type="button" className={buttonClass} onClick={actions.stepForward} aria-label="Step forward">
          <StepForwardIcon />
        </button>
        <p className="min-w-0 flex-1 text-xs leading-snug">
          <span className="block font-medium text-slate-700 dark:text-slate-300">{event ? `Step ${event.id + 1}/${result.events.length}` : 'Not started'}</span>
          <span className="line-clamp-2">{event ? event.narration : 'Press Play to follow the request.'}</span>
        </p>
        {selection !== null ? (
          <button type="button" className={`${buttonClass} px-2 text-sm font-medium`} onClick={onShowInspector}>
            Details ↓
          </button>
        ) : null}
      </div>
    </div>
  );
}
