'use client';

/**
 * The landing page's live mini-simulation: one request from the default scenario, playing on a loop
 * (unless the learner prefers reduced motion, when it waits for Play).
 */
import { useEffect, useState } from 'react';
import { createSandboxStore } from '@/lib/store/sandbox-store';
import { FlowDiagram } from '@/components/diagram/FlowDiagram';
import { Narration } from '@/components/sandbox/Narration';
import { SandboxStoreProvider, useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { useReducedMotion } from '@/components/sandbox/useReducedMotion';
import { usePlaybackDriver } from '@/components/timeline/usePlaybackDriver';

function Demo() {
  usePlaybackDriver();
  const store = useSandboxStore();
  const playing = useSandbox((s) => s.playing);
  const reduced = useReducedMotion();
  useEffect(() => {
    if (reduced) return;
    if (!playing) {
      const restart = window.setTimeout(() => store.getState().replay(), 1500);
      return () => window.clearTimeout(restart);
    }
  }, [playing, reduced, store]);
  return (
    <div className="flex flex-col gap-3">
      <FlowDiagram compact />
      <Narration />
      <button type="button" className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600" onClick={() => store.getState().togglePlay()}>
        {playing ? 'Pause the demo' : 'Play the demo'}
      </button>
    </div>
  );
}

export function LiveDemo() {
  const [store] = useState(() => createSandboxStore({ speed: 1.5 }));
  return (
    <SandboxStoreProvider store={store}>
      <Demo />
    </SandboxStoreProvider>
  );
}
