'use client';

/**
 * Drives the cursor while playing: display time runs linearly at the chosen speed, one step per animation
 * frame, and each frame is turned back into simulated time for the store. Stopping is the store's `pause`
 * (or reaching the end).
 *
 * A linear clock needs no animation library: it is `requestAnimationFrame` and a subtraction. (motion's
 * `animate` did this before, and put about 24 KB gzip of it in the sandbox's first load for one linear tween.)
 */
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
    if (timeline.totalDisplayMs - from <= 0) {
      store.getState().pause();
      return;
    }
    let started: number | null = null;
    let frame = requestAnimationFrame(function tick(now) {
      // The first frame's timestamp is the start, so the cursor never jumps by the wait for that frame.
      started ??= now;
      const display = from + (now - started) * speed;
      if (display >= timeline.totalDisplayMs) {
        store.getState().seek(timeline.totalSimMs);
        store.getState().pause();
        return;
      }
      store.getState().seek(displayToSim(timeline, display));
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
    // `result` identifies the run: a new scenario restarts the clock.
  }, [playing, speed, result, timeline, store]);
}
