'use client';

/**
 * The sandbox's traffic run: one Worker (components/traffic/worker) runs the scenario's traffic off the main
 * thread whenever the scenario changes in traffic mode, a moment after the last change, so typing a rate does not
 * start a run per keystroke. The run's result is derived data: it lives here, beside the store, never in it.
 * It stays while the learner drills into one of its requests, so the charts are there when they come back.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useSandbox } from '@/components/sandbox/store-context';
import { useTrafficRun, type TrafficRunHandle } from './worker/useTrafficRun';

const TrafficRunContext = createContext<TrafficRunHandle | null>(null);

/** How long after the last change a run starts: a pause between keystrokes, not a wait anyone notices. */
const SETTLE_MS = 250;

export function TrafficRunProvider({ children }: { children: ReactNode }) {
  const run = useTrafficRun();
  const scenario = useSandbox((s) => s.scenario);
  const { start, cancel } = run;

  useEffect(() => {
    if (scenario.mode !== 'traffic') {
      cancel();
      return;
    }
    const timer = window.setTimeout(() => start(scenario), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [scenario, start, cancel]);

  return <TrafficRunContext.Provider value={run}>{children}</TrafficRunContext.Provider>;
}

export function useTraffic(): TrafficRunHandle {
  const run = useContext(TrafficRunContext);
  if (!run) throw new Error('useTraffic must be used inside <TrafficRunProvider>');
  return run;
}
