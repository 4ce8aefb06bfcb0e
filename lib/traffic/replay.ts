/**
 * One request out of a traffic run, in full: every event with its words, exactly as it happened among the others.
 * The run is repeated with a recorder that keeps only that request's events, and stops once it is answered. The
 * engine's behaviour never depends on what is recorded (lib/sim/random.ts), so the request meets the same queues,
 * the same cache and the same faults as it did in the run the summary came from.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { TraceRecorder, type Happening } from '@/lib/sim/recorder';
import type { SimEvent } from '@/lib/sim/types';
import type { WorldShape } from '@/lib/sim/world';
import type { TrafficPlan } from './plan';
import { TrafficRun } from './run';

/** Keeps the events of one request, its retries, origin tries and background work included (`t7`, `t7.o2`, `t7.bg`). */
class OneRequestRecorder extends TraceRecorder {
  constructor(private readonly requestId: string) {
    super();
  }

  override record(h: Happening): void {
    if (h.requestId === this.requestId || h.requestId.startsWith(`${this.requestId}.`)) super.record(h);
    else this.counted(h.t + h.durationMs);
  }
}

export interface ReplayedRequest {
  requestId: string;
  /** When the request arrived, in simulated ms from the start of the run. */
  arrivedAtMs: number;
  status: number | null;
  latencyMs: number;
  /** Its events, with times measured from its arrival so the single-request views can play them. */
  events: SimEvent[];
}

/** Replays request `requestId` (`t1`, `t2`, …) of the run; null if the run never had it. */
export function replayTrafficRequest(scenario: Scenario, plan: TrafficPlan, shape: WorldShape, requestId: string): ReplayedRequest | null {
  const recorder = new OneRequestRecorder(requestId);
  type Answer = { status: number | null; latencyMs: number; arrivedAtMs: number };
  let found: Answer | null = null;
  const run = new TrafficRun(scenario, plan, shape, recorder, (arrival, status, latencyMs, arrivedAtMs) => {
    if (arrival.id === requestId) found = { status, latencyMs, arrivedAtMs };
  });
  while (found === null && run.advance(1024));
  const answer = found as Answer | null;
  if (!answer) return null;
  const { arrivedAtMs } = answer;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  // The recorder rounds times to the microsecond; so does the arrival here, so the first event is at exactly 0.
  const events = recorder.events.map((e, id) => ({ ...e, id, t: round(e.t - round(arrivedAtMs)) }));
  return { requestId, arrivedAtMs: round(arrivedAtMs), status: answer.status, latencyMs: round(answer.latencyMs), events };
}
