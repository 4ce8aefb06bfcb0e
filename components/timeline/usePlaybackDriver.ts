'use client';

/**
 * Drives the cursor while playing: motion animates display time linearly at the chosen speed, and each
 * frame is turned back into simulated time for the store. Stopping is the store's `pause` (or reaching the end).
 */
import { animate } from 'motion';
import { useEffect } from 'react';
import { displayToSim, simToDisplay } from '@/lib/playback/timeline';
import { useResult, useSandbox, useSandboxStore, useTimeline } from '@/components/sandbox/store-context';

export function usePlaybackDriver(): void {
  const store = useSandboxStore();
  const playing = useSandbox((s) => s.playing);
  const speed = useSandbox((s) => s.speed);
  const result = useResult();
  const timeline = useTimeline();

  useEffect(() => {
    if (!playing) return;
    const from = simToDisplay(timeline, store.getState().cursor);
    const remaining = timeline.totalDisplayMs - from;
    if (remaining <= 0) {
      store.getState().pause();
      return;
    }
    const controls = animate(from, timeline.totalDisplayMs, {
      duration: remaining / 1000 / speed,
      ease: 'linear',
      onUpdate: (display) => store.getState().seek(displayToSim(timeline, display)),
      onComplete: () => {
        store.getState().seek(timeline.totalSimMs);
        store.getState().pause();
      },
    });
    return () => controls.stop();
    // `result` identifies the run: a new scenario restarts the animation.
  }, [playing, speed, result, timeline, store]);
}
