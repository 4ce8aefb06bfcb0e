/**
 * Many requests: the public surface of traffic mode. `runTraffic` takes a scenario with `mode: traffic` and
 * gives its summary, series and samples, reporting the series as it grows; `replayRequest` gives one request with
 * every event, and `replayAsResult` the same request as a single request's `SimResult`, for the single-request views.
 *
 * The run is pure and deterministic, and needs nothing of Node or the DOM, so it runs as well in a Web Worker.
 * It yields to the host between slices of work, reports progress, and stops when the signal aborts.
 */
import type { Scenario } from '@/lib/scenario/schema';
import type { SimResult } from '@/lib/sim/types';
import type { WorldShape } from '@/lib/sim/world';
import type { TrafficPlan } from './plan';
import { replayTrafficRequest, replayTrafficResult, type ReplayedRequest } from './replay';
import { TrafficRun, type TrafficProgress, type TrafficResult } from './run';
import { yieldToHost } from './yield';

export type { CdnSummary, TrafficProgress, TrafficResult, TrafficSummary } from './run';
export type { SeriesPoint, StationFigures } from './metrics';
export type { ReplayedRequest } from './replay';
export { runBackoffStudy, type BackoffStudyResult, type BackoffStudySummary } from './backoff-study';

/** What the scenario asks of the run. */
export function planOf(scenario: Scenario): TrafficPlan {
  const { traffic } = scenario;
  return { ...traffic, kind: scenario.request.kind };
}

/** The world's shape for a traffic run: its pods, pools, cache, edge locations and how times spread. */
export function shapeOf(scenario: Scenario): WorldShape {
  return {
    pods: scenario.app.pods,
    poolPerPod: scenario.app.pool,
    cacheCapacity: scenario.cache.capacity,
    appSpread: scenario.traffic.appDist,
    dbSpread: scenario.traffic.dbDist,
    edgeLocations: scenario.cdn.edgeLocations,
  };
}

export interface RunOptions {
  /** After each slice of work: how far the run is, and the series' stretches closed so far. */
  onProgress?: (progress: TrafficProgress) => void;
  signal?: AbortSignal;
}

/** Kernel steps between two reports: a few milliseconds of work, so a Worker stays responsive to an abort. */
const SLICE = 20_000;

/** The whole run. Rejects with the signal's reason if it aborts. */
export async function runTraffic(scenario: Scenario, { onProgress, signal }: RunOptions = {}): Promise<TrafficResult> {
  const run = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario));
  for (;;) {
    signal?.throwIfAborted();
    const more = run.advance(SLICE);
    onProgress?.(run.progress());
    if (!more) break;
    await yieldToHost();
  }
  return run.result();
}

/** The same run without pauses, for the command line, tests and the bench. */
export function runTrafficSync(scenario: Scenario): TrafficResult {
  const run = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario));
  while (run.advance(SLICE));
  return run.result();
}

/** One request of the run (`t1`, `t2`, …), with every event, as it happened inside it; null if it never arrived. */
export function replayRequest(scenario: Scenario, requestId: string): ReplayedRequest | null {
  return replayTrafficRequest(scenario, planOf(scenario), shapeOf(scenario), requestId);
}

/**
 * One request of the run (`t1`, `t2`, … : a sample, or a stretch's `slowestId` or `typicalId`) as `runScenario` gives
 * a single request: events timed from its arrival, its outcome and its own figures (replay.ts). Null if the run never
 * had it. It repeats the run up to the end of the request's work: a late request of a long run costs about a run.
 */
export function replayAsResult(scenario: Scenario, requestId: string): SimResult | null {
  return replayTrafficResult(scenario, planOf(scenario), shapeOf(scenario), requestId);
}
