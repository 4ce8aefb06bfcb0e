'use client';

/**
 * The landing page's live mini-simulation: one request from the default scenario, playing on a loop
 * until the learner takes over (pauses, steps or clicks something), or, when they prefer reduced motion,
 * waiting for Play. Its controls are the ones its caption names: Play, Pause and Step forward.
 */
import { useEffect, useState } from 'react';
import { createSandboxStore } from '@/lib/store/sandbox-store';
import { FlowDiagram } from '@/components/diagram/FlowDiagram';
import { Narration } from '@/components/sandbox/Narration';
import { SandboxStoreProvider, useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { useReducedMotion } from '@/components/sandbox/useReducedMotion';
import { usePlaybackDriver } from '@/components/timeline/usePlaybackDriver';
import { DemoDetails } from './DemoDetails';

const button = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:border-blue-500 dark:border-slate-600';

function Demo() {
  usePlaybackDriver();
  const store = useSandboxStore();
  const playing = useSandbox((s) => s.playing);
  const selection = useSandbox((s) => s.selection);
  const reduced = useReducedMotion();
  const [tookOver, setTookOver] = useState(false);
  const looping = !reduced && !tookOver && selection === null;
  useEffect(() => {
    if (!looping || playing) return;
    const restart = window.setTimeout(() => store.getState().replay(), 1500);
    return () => window.clearTimeout(restart);
  }, [looping, playing, store]);
  return (
    <div className="flex flex-col gap-3">
      <FlowDiagram compact />
      <DemoDetails />
      <Narration />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          onClick={() => {
            setTookOver(true);
            store.getState().togglePlay();
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => {
            setTookOver(true);
            store.getState().stepForward();
          }}
        >
          Step forward
        </button>
      </div>
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
