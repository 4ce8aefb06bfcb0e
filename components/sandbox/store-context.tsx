'use client';

/**
 * One sandbox store per provider (zustand's Next.js guidance): the full sandbox and every embedded
 * simulator get their own, created once when the provider mounts.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createSandboxStore, type SandboxInputs, type SandboxState, type SandboxStore } from '@/lib/store/sandbox-store';
import { momentsFor, resultOf, timelineFor, waterfallFor } from '@/lib/store/derived';
import { frameAt } from '@/lib/playback/frame';

const SandboxContext = createContext<SandboxStore | null>(null);

export function SandboxProvider({ initial, children }: { initial?: Partial<SandboxInputs>; children: ReactNode }) {
  const [store] = useState(() => createSandboxStore(initial));
  return <SandboxContext.Provider value={store}>{children}</SandboxContext.Provider>;
}

/** For a store created by its owner (an embedded simulator that starts from a link). */
export function SandboxStoreProvider({ store, children }: { store: SandboxStore; children: ReactNode }) {
  return <SandboxContext.Provider value={store}>{children}</SandboxContext.Provider>;
}

export function useSandboxStore(): SandboxStore {
  const store = useContext(SandboxContext);
  if (!store) throw new Error('useSandboxStore must be used inside <SandboxProvider>');
  return store;
}

export function useSandbox<T>(selector: (state: SandboxState) => T): T {
  return useStore(useSandboxStore(), selector);
}

/** The run the views play: the scenario's one request, or the traffic request drilled into (memoised by identity). */
export function useResult() {
  const scenario = useSandbox((s) => s.scenario);
  const request = useSandbox((s) => s.request);
  return resultOf({ scenario, request });
}

export function useTimeline() {
  return timelineFor(useResult());
}

export function useMoments() {
  return momentsFor(useResult());
}

export function useWaterfall() {
  return waterfallFor(useResult());
}

/** What is on screen now: the cursor, and the step the learner is on when several events share its moment. */
export function useFrame() {
  const result = useResult();
  const cursor = useSandbox((s) => s.cursor);
  const step = useSandbox((s) => s.step);
  return useMemo(() => frameAt(result, cursor, step), [result, cursor, step]);
}
