/**
 * The engine's half of `npm run bench`, run by scripts/bench.ts in a process of its own, bundled by esbuild as
 * the site's bundler ships the engine: no name-keeping wrappers around every function (tsx adds them, and they
 * cost a third of a traffic run), and a fresh JIT and heap, as a Web Worker running one traffic run has.
 * Prints one JSON object: the engine's figures, or with BENCH_PART=traffic the traffic run's.
 */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { runScenario } from '@/lib/sim';
import { TimedHeap } from '@/lib/sim/kernel/heap';
import { holding, Kernel, serve, withDeadline, type Task } from '@/lib/sim/kernel/kernel';
import { TallyRecorder, TraceRecorder, type Recorder } from '@/lib/sim/recorder';
import { applyChanges, PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import type { Scenario } from '@/lib/scenario/schema';
import { decodeLink } from '@/lib/scenario/url-codec';
import { TIGHT_NETWORK_LINK } from '@/lib/testing/networks';
import { planOf, shapeOf } from '@/lib/traffic';
import { MetricsRecorder } from '@/lib/traffic/metrics';
import { TrafficRun } from '@/lib/traffic/run';
import { median } from './median';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/**
 * BENCH_NETWORK: a link's network rules (`naclData=…&sgDb=…`) for every run measured, to time the filters with
 * rules switched on; `tight` is a network that opens only what the site needs (lib/testing/networks.ts).
 */
const networkLink = process.env.BENCH_NETWORK === 'tight' ? TIGHT_NETWORK_LINK : process.env.BENCH_NETWORK;
const network = networkLink ? decodeLink(networkLink).scenario.network : DEFAULT_SCENARIO.network;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const scenarios: Scenario[] = PRESETS.map((p) => ({ ...scenarioForPreset(p.id)!, ...(networkLink ? { network } : {}) }));

function sequential(count: number): number {
  let events = 0;
  for (let i = 0; i < count; i++) {
    const base = scenarios[i % scenarios.length]!;
    events += runScenario({ ...base, seed: i }).events.length;
  }
  return events;
}

function bareHeapLoop(entries: number): void {
  const heap = new TimedHeap<{ t: number; seq: number }>();
  let seq = 0;
  for (let i = 0; i < entries; i++) {
    heap.push({ t: (i * 7919) % 1000, seq: seq++ });
    if (heap.size > 64) heap.pop();
  }
  while (heap.size) heap.pop();
}

function engineBench() {
  // Warm the JIT before measuring.
  sequential(500);
  const single = median(Array.from({ length: RUNS * 50 }, (_, i) => time(() => runScenario({ ...scenarios[0]!, seed: i }))));
  const eventsPerBatch = sequential(10_000);
  const batch = median(Array.from({ length: RUNS }, () => time(() => sequential(10_000))));
  const heap = median(Array.from({ length: RUNS }, () => time(() => bareHeapLoop(eventsPerBatch))));
  return {
    singleRequestMs: single,
    tenThousandRequestsMs: batch,
    events: eventsPerBatch,
    eventsPerSecond: eventsPerBatch / (batch / 1000),
    bareHeapEventsPerSecond: eventsPerBatch / (heap / 1000),
    engineOverHeap: batch / heap,
  };
}

/** Link parameters the traffic runs add to the defaults (`TRAFFIC_LINK='originShield=yes'`): a feature's cost when on. */
const TRAFFIC_LINK = process.env.TRAFFIC_LINK ?? '';

/** A traffic run of `requests` expected arrivals at the default rate, every other knob at its default (or as TRAFFIC_LINK says). */
function trafficScenario(requests: number): Scenario {
  const rate = 50;
  const decoded = decodeLink(TRAFFIC_LINK);
  if (decoded.notices.length) throw new Error(`TRAFFIC_LINK: ${decoded.notices.map((n) => `${n.param}: ${n.message}`).join('; ')}`);
  return applyChanges(decoded.scenario, { mode: 'traffic', request: { kind: 'mix' }, traffic: { rate, durationS: Math.round(requests / rate) } });
}

/**
 * The same run with everything the engine can add switched on: every resilience pattern at every calling edge
 * (breakers, bulkheads, fallbacks, the retry quota), network rules that open only what the site needs (so every
 * packet meets a filter that could drop it), Origin Shield, and a rate-based rule counting every visitor's address.
 * What they cost when they are on, not only when they are off.
 */
function everythingOnScenario(requests: number): Scenario {
  const edges = ['browser', 'db', 'thirdparty'] as const;
  return applyChanges(trafficScenario(requests), {
    resilience: { breaker: 'resilience4j', breakerAt: [...edges], bulkhead: 25, bulkheadAt: [...edges], fallback: 'stale', fallbackAt: [...edges], retryQuota: 'on' },
    network: decodeLink(TIGHT_NETWORK_LINK).scenario.network,
    cdn: { originShield: true },
    waf: { rateLimit: 2000 },
  });
}

function timedTraffic(scenario: Scenario, recorder: Recorder) {
  const run = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario), recorder);
  let peakHeap = getHeapStatistics().used_heap_size;
  const start = performance.now();
  while (run.advance(50_000)) peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  const ms = performance.now() - start;
  const result = run.result();
  return { ms, requests: result.summary.requests, events: recorder.count, steps: run.ctx.kernel.steps, peakHeapMB: peakHeap / 2 ** 20 };
}

/**
 * The process model's ceiling: requests that do nothing but wait, on the same kernel, shaped like a traffic run's
 * requests (counted in the default run: per request about 5.4 sleeps, reached through about four nested generators,
 * 0.47 deadlines, 0.27 hand-offs to a server that keeps working, 0.18 resources held). No node code, no recorder:
 * what is left of the bare loop's rate once the processes themselves are paid for. Returns the kernel's steps.
 */
function waitingOnlyRun(requests: number): number {
  const kernel = new Kernel();
  const pool = kernel.resource(10);
  function* wait(ms: number): Task<void> {
    yield { type: 'sleep', ms };
  }
  function* nested(depth: number, ms: number): Task<void> {
    if (depth === 1) return yield* wait(ms);
    return yield* nested(depth - 1, ms);
  }
  function* body(i: number): Task<void> {
    for (let w = 0; w < 5; w++) yield* nested(4, 1 + ((i * 7 + w) % 13));
    if (i % 4 === 0) yield* serve(wait(3), () => {});
    if (i % 5 === 0) yield* holding(pool, wait(2));
  }
  function* request(i: number): Task<void> {
    if (i % 2 === 0) yield* withDeadline(body(i), 30_000);
    else yield* body(i);
  }
  function* arrivals(): Task<void> {
    for (let i = 0; i < requests; i++) {
      kernel.spawn(request(i));
      yield { type: 'sleep', ms: 20 };
    }
  }
  kernel.spawn(arrivals());
  kernel.run();
  return kernel.steps;
}

function trafficBench() {
  const runs = Number(process.env.TRAFFIC_RUNS ?? 3);
  const big = trafficScenario(100_000);
  const small = trafficScenario(5_000);
  // Warm the JIT before measuring.
  timedTraffic(small, new MetricsRecorder());
  const metrics = Array.from({ length: runs }, () => timedTraffic(big, new MetricsRecorder()));
  const everythingOn = Array.from({ length: runs }, () => timedTraffic(everythingOnScenario(100_000), new MetricsRecorder()));
  const steps = metrics[0]!.steps;
  const heap = median(Array.from({ length: runs }, () => time(() => bareHeapLoop(steps))));
  const heapForEvents = median(Array.from({ length: runs }, () => time(() => bareHeapLoop(metrics[0]!.events))));
  const tally = Array.from({ length: runs }, () => timedTraffic(small, new TallyRecorder()));
  const trace = Array.from({ length: runs }, () => timedTraffic(small, new TraceRecorder()));
  waitingOnlyRun(5_000);
  const waitingSteps = waitingOnlyRun(metrics[0]!.requests);
  const waitingOnly = median(Array.from({ length: runs }, () => time(() => waitingOnlyRun(metrics[0]!.requests))));
  const heapForWaiting = median(Array.from({ length: runs }, () => time(() => bareHeapLoop(waitingSteps))));
  const perSecond = (rows: { ms: number; events: number }[]) => median(rows.map((r) => r.events / (r.ms / 1000)));
  const ms = median(metrics.map((r) => r.ms));
  return {
    requests: metrics[0]!.requests,
    ms,
    everythingOnMs: median(everythingOn.map((r) => r.ms)),
    kernelSteps: steps,
    events: metrics[0]!.events,
    engineOverHeapSteps: ms / heap,
    metricsEventsPerSecond: perSecond(metrics),
    tallyEventsPerSecond: perSecond(tally),
    traceEventsPerSecond: perSecond(trace),
    bareHeapEventsPerSecond: metrics[0]!.events / (heapForEvents / 1000),
    waitingOnlySteps: waitingSteps,
    waitingOnlyShareOfBareLoop: heapForWaiting / waitingOnly,
    peakHeapMB: median(metrics.map((r) => r.peakHeapMB)),
    peakHeapTraceMB5k: median(trace.map((r) => r.peakHeapMB)),
  };
}

// One part per process (BENCH_PART): traced single requests leave the JIT's caches shaped for the trace recorder, and
// a Web Worker running a traffic run has run nothing else.
const part = process.env.BENCH_PART;
process.stdout.write(`${JSON.stringify(part === 'traffic' ? trafficBench() : engineBench())}\n`);
