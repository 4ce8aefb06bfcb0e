'use client';

/**
 * A traffic run for a React component: its state as it goes, and the commands.
 *
 *   const run = useTrafficRun();
 *   run.start(scenario);              // runs in a Web Worker; a run going is cancelled first
 *   run.status                        // 'idle' | 'running' | 'done' | 'cancelled' | 'error'
 *   run.progress                      // { fraction: 0..1, simulatedS, durationS, requests }
 *   run.series, run.bucketS           // the stretches closed so far; every stretch once done
 *   run.result                        // the whole TrafficResult once done
 *   run.cancel();
 *   const one = await run.replay(scenario, point.slowestId);   // SimResult | null, for the single-request views
 *
 * One worker per component that uses the hook, started on first use and stopped when it unmounts.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '@/lib/scenario/schema';
import type { SimResult } from '@/lib/sim/types';
import type { SeriesPoint, TrafficProgress, TrafficResult } from '@/lib/traffic';
import { TrafficWorkerClient, type WorkerLike } from './client';

export type TrafficRunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface TrafficRunProgress {
  /** Share of the run's simulated time done, 0 to 1. Arrivals stop at 1; the requests under way then finish. */
  fraction: number;
  simulatedS: number;
  durationS: number;
  /** Visitors' requests arrived so far. */
  requests: number;
}

export interface TrafficRunState {
  status: TrafficRunStatus;
  /** Null before the first run. */
  progress: TrafficRunProgress | null;
  /** The series' stretches closed so far while running, and all of them once done; kept as they were if cancelled. */
  series: SeriesPoint[];
  /** The width of each stretch in seconds; null until the first report. */
  bucketS: number | null;
  result: TrafficResult | null;
  /** What went wrong, in words, when `status` is 'error'. */
  error: string | null;
}

export interface TrafficRunHandle extends TrafficRunState {
  start(scenario: Scenario): void;
  cancel(): void;
  /** One request of the scenario's run as a single request's result; null if the run never had it. */
  replay(scenario: Scenario, requestId: string): Promise<SimResult | null>;
}

const IDLE: TrafficRunState = { status: 'idle', progress: null, series: [], bucketS: null, result: null, error: null };

function progressOf(p: TrafficProgress): TrafficRunProgress {
  return { fraction: p.durationMs > 0 ? p.simulatedMs / p.durationMs : 1, simulatedS: p.simulatedMs / 1000, durationS: p.durationMs / 1000, requests: p.requests };
}

/** `createWorker` is for tests; the page leaves it out. */
export function useTrafficRun(createWorker?: () => WorkerLike): TrafficRunHandle {
  const [state, setState] = useState<TrafficRunState>(IDLE);
  const factory = useRef(createWorker);
  const clientRef = useRef<TrafficWorkerClient | null>(null);
  const client = useCallback(() => (clientRef.current ??= new TrafficWorkerClient(factory.current)), []);

  useEffect(
    () => () => {
      clientRef.current?.terminate();
      clientRef.current = null;
    },
    [],
  );

  const start = useCallback(
    (scenario: Scenario) => {
      const worker = client();
      // Cancelled before the new run's state is set, so the old run's last word cannot land on the new one.
      worker.cancel();
      setState({ ...IDLE, status: 'running', progress: { fraction: 0, simulatedS: 0, durationS: scenario.traffic.durationS, requests: 0 } });
      worker.run(scenario, {
        onProgress: (p) => setState((s) => ({ ...s, progress: progressOf(p), series: p.series, bucketS: p.bucketS })),
        onDone: (result) =>
          setState((s) => ({ ...s, status: 'done', progress: s.progress && { ...s.progress, fraction: 1, simulatedS: s.progress.durationS }, series: result.series, bucketS: result.bucketS, result })),
        onCancelled: () => setState((s) => ({ ...s, status: 'cancelled' })),
        onError: (error) => setState((s) => ({ ...s, status: 'error', error })),
      });
    },
    [client],
  );
  const cancel = useCallback(() => clientRef.current?.cancel(), []);
  const replay = useCallback((scenario: Scenario, requestId: string) => client().replay(scenario, requestId), [client]);

  return useMemo(() => ({ ...state, start, cancel, replay }), [state, start, cancel, replay]);
}
