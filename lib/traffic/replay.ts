/**
 * One request out of a traffic run, in full: every event with its words, exactly as it happened among the others.
 * The run is repeated with a recorder that keeps only that request's events, and stops once everything the request
 * set going has ended (its answer, and any work left behind it: a query its caller gave up on, a background
 * revalidation), which the kernel knows by counting the request's processes in a group. The engine's behaviour never
 * depends on what is recorded (lib/sim/random.ts), so the request meets the same queues, the same cache and the same
 * faults as it did in the run the summary came from.
 *
 * The cost: the run is repeated from its start up to the end of the request's work, so replaying a late request of
 * a long run costs about as much as the run itself (docs/traffic.md, "Drilling into one request").
 */
import type { Scenario } from '@/lib/scenario/schema';
import { noCounts, type Counters } from '@/lib/sim/context';
import { ProcessGroup } from '@/lib/sim/kernel/kernel';
import type { BrowserOutcome } from '@/lib/sim/nodes/browser';
import { OPERATIONS } from '@/lib/sim/nodes/operations';
import { TraceRecorder, type Happening } from '@/lib/sim/recorder';
import { summarise } from '@/lib/sim/summary';
import type { RequestOutcome, SimEvent, SimResult } from '@/lib/sim/types';
import type { WorldShape } from '@/lib/sim/world';
import type { Arrival } from './arrivals';
import type { TrafficPlan } from './plan';
import { TrafficRun, type FollowedRequest } from './run';

/** Keeps the events of one request, its retries, origin tries and background work included (`t7`, `t7.o2`, `t7.bg`). */
class OneRequestRecorder extends TraceRecorder {
  /** When the last of the request's own work ended (`endMs` counts every request's). */
  requestEndMs = 0;

  constructor(private readonly requestId: string) {
    super();
  }

  override record(h: Happening): void {
    if (h.requestId === this.requestId || h.requestId.startsWith(`${this.requestId}.`)) {
      super.record(h);
      if (h.t + h.durationMs > this.requestEndMs) this.requestEndMs = h.t + h.durationMs;
    } else this.counted(h.t + h.durationMs);
  }
}

export interface ReplayedRequest {
  requestId: string;
  /** When the request arrived, in simulated ms from the start of the run. */
  arrivedAtMs: number;
  /** The status the visitor got; null if the request never got an answer. */
  status: number | null;
  /** From its arrival to its answer (0 with no answer). */
  latencyMs: number;
  /** Its events, with times measured from its arrival so the single-request views can play them. */
  events: SimEvent[];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
const COUNTER_NAMES = Object.keys(noCounts()) as (keyof Counters)[];

/** What following one request through the run gave. */
interface Followed {
  arrival: Arrival;
  arrivedAtMs: number;
  /** The browser's outcome and the latency, or null if no answer came. */
  answer: { outcome: BrowserOutcome; latencyMs: number } | null;
  recorder: OneRequestRecorder;
  /** The run's counters, as far as this request's own processes moved them. */
  counts: Counters;
  writesCommitted: number;
  chargesMade: number;
}

/**
 * Repeats the run until request `requestId` and all it set going have ended; null if no such request arrives. A
 * request that never gets an answer, or leaves work that never ends, is followed to the end of the run.
 */
function follow(scenario: Scenario, plan: TrafficPlan, shape: WorldShape, requestId: string): Followed | null {
  const recorder = new OneRequestRecorder(requestId);
  const followed: FollowedRequest = { id: requestId, group: new ProcessGroup(), arrived: null };
  let answer: Followed['answer'] = null;
  const run = new TrafficRun(
    scenario,
    plan,
    shape,
    recorder,
    (arrival, _status, latencyMs, _arrivedAtMs, outcome) => {
      if (arrival.id === requestId) answer = { outcome, latencyMs };
    },
    followed,
  );
  const { kernel, counters, ledger } = run.ctx;
  const endOfArrivals = plan.durationS * 1000;
  const counts = noCounts();
  let writesCommitted = 0;
  let chargesMade = 0;
  for (;;) {
    if (followed.arrived ? followed.group.live === 0 : kernel.now >= endOfArrivals) break;
    // A step that resumes the request's processes moves the counters for it alone (Kernel.nextGroup).
    if (kernel.nextGroup() !== followed.group) {
      if (!kernel.step()) break;
      continue;
    }
    const before = { ...counters };
    const writesBefore = ledger.writesCommitted;
    const chargesBefore = ledger.chargesMade;
    kernel.step();
    for (const name of COUNTER_NAMES) counts[name] += counters[name] - before[name];
    writesCommitted += ledger.writesCommitted - writesBefore;
    chargesMade += ledger.chargesMade - chargesBefore;
  }
  if (!followed.arrived) return null;
  return { arrival: followed.arrived.arrival, arrivedAtMs: followed.arrived.atMs, answer, recorder, counts, writesCommitted, chargesMade };
}

/** The request's events, timed from its arrival. The recorder rounds times to the microsecond; so does the arrival here, so the first event is at exactly 0. */
function eventsFromArrival(f: Followed): SimEvent[] {
  const start = round(f.arrivedAtMs);
  return f.recorder.events.map((e, id) => ({ ...e, id, t: round(e.t - start) }));
}

/** Replays request `requestId` (`t1`, `t2`, …) of the run; null if the run never had it. */
export function replayTrafficRequest(scenario: Scenario, plan: TrafficPlan, shape: WorldShape, requestId: string): ReplayedRequest | null {
  const f = follow(scenario, plan, shape, requestId);
  if (!f) return null;
  return {
    requestId,
    arrivedAtMs: round(f.arrivedAtMs),
    status: f.answer?.outcome.value.status ?? null,
    latencyMs: f.answer ? round(f.answer.latencyMs) : 0,
    events: eventsFromArrival(f),
  };
}

/**
 * Request `requestId` of the run as a single request's result (`runScenario`'s shape), times from its arrival, so the
 * single-request views (diagram, waterfall, log, inspector) play it unchanged; null if the run never had it.
 *
 * The outcome comes from what the run recorded for this request: status, latency and attempts from the browser's own
 * outcome, the cache outcome and who answered or blocked from its final response, the hops from its legs, and when
 * its work ended from its last event. Its figures (queries, retries, origin requests, cache lookups, writes, charges)
 * are what its own processes added to the run's counters. Writes and charges are counted for this click as a single
 * run counts them: a repeat of a change that is not repeatable is a duplicate, and so is every charge after the first.
 * A traffic visitor is already connected and draws no page, so there is no DNS or handshake, and `renderedAtMs` is null.
 */
export function replayTrafficResult(scenario: Scenario, plan: TrafficPlan, shape: WorldShape, requestId: string): SimResult | null {
  const f = follow(scenario, plan, shape, requestId);
  if (!f) return null;
  const events = eventsFromArrival(f);
  const response = f.answer?.outcome.value ?? null;
  const latencyMs = f.answer ? round(f.answer.latencyMs) : 0;
  const workEndedAtMs = round(Math.max(f.recorder.requestEndMs, f.arrivedAtMs + (f.answer?.latencyMs ?? 0)) - round(f.arrivedAtMs));
  const { writesCommitted, chargesMade } = f;
  const outcome: RequestOutcome = {
    status: response?.status ?? null,
    latencyMs,
    attempts: f.answer?.outcome.attempts ?? 0,
    cache: response?.cache ?? 'bypass',
    blockedBy: response?.blockedBy ?? null,
    answeredBy: response?.origin ?? null,
    hops: f.recorder.hops(requestId),
    renderedAtMs: null,
    writesCommitted,
    duplicateWrites: OPERATIONS[f.arrival.spec.method].repeatable ? 0 : Math.max(0, writesCommitted - 1),
    chargesMade,
    duplicateCharges: Math.max(0, chargesMade - 1),
    workEndedAtMs,
  };
  const errors = response === null || response.status >= 400 ? 1 : 0;
  const summary = summarise({ count: events.length, endMs: workEndedAtMs }, f.counts, f.answer ? [latencyMs] : [], errors);
  return { version: scenario.v, events, outcome, summary };
}
