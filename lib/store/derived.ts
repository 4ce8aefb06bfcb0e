/**
 * Everything computed from the store's inputs, memoised by identity: a scenario object is never
 * mutated, so the same object always has the same result, timeline, step moments and waterfall.
 * Traffic replays are the exception in where they are computed, not in what they are: the Worker makes them and
 * they are filed here (`primeReplay`, through the store's `settleReplay`).
 *
 * The engine itself is not imported here but handed over (`engineLoaded`, from `loadEngine`): a page's first view
 * can be a result the engine worked out when the site was built (`primeResult`), so the engine, a fifth of the
 * sandbox's JavaScript, loads after the first paint instead of before it.
 */
import type { SimResult } from '@/lib/sim';
import type { runScenario } from '@/lib/sim/run';
import type { Scenario } from '@/lib/scenario/schema';
import { buildTimeline, type Timeline } from '@/lib/playback/timeline';
import { stepMoments } from '@/lib/playback/steps';
import { waterfallOf, type Waterfall } from '@/lib/playback/waterfall';

const results = new WeakMap<Scenario, SimResult>();
const timelines = new WeakMap<SimResult, Timeline>();
const waterfalls = new WeakMap<SimResult, Waterfall>();

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

type Engine = typeof runScenario;
let engine: Engine | null = null;

/** Hands the engine over once it has loaded (`lib/store/engine.ts`); from then on any scenario can be worked out here. */
export function engineLoaded(run: Engine): void {
  engine = run;
}

/** Whether `resultFor` can answer for this scenario now: its result is known, or the engine is here to work it out. */
export function canRun(scenario: Scenario): boolean {
  return engine !== null || results.has(scenario);
}

/** Files a result the engine worked out elsewhere (at build time, for a page's first view) for this scenario object. */
export function primeResult(scenario: Scenario, result: SimResult): void {
  if (!results.has(scenario)) results.set(scenario, result);
}

export function resultFor(scenario: Scenario): SimResult {
  return memo(results, scenario, (s) => {
    if (!engine) throw new Error('the engine has not loaded yet: wait for loadEngine() before a scenario without a primed result becomes current');
    return engine(s);
  });
}

/**
 * Replays of traffic requests, by scenario and request id; null when the run never had that request. They are
 * made off the main thread (the traffic Worker, components/traffic) and kept here, so the views read them at once:
 * replaying a late request repeats the run up to it, seconds of work that would freeze the page. The engine is
 * deterministic, so a replay made there equals one made here (lib/traffic/replay.ts).
 */
const replays = new WeakMap<Scenario, Map<string, SimResult | null>>();

function replaysOf(scenario: Scenario): Map<string, SimResult | null> {
  return memo(replays, scenario, () => new Map());
}

export function primeReplay(scenario: Scenario, request: string, result: SimResult | null): void {
  replaysOf(scenario).set(request, result);
}

/** A request's replay: its result, null if the run never had it, undefined while it is not replayed yet. */
export function replayOf(scenario: Scenario, request: string): SimResult | null | undefined {
  return replays.get(scenario)?.get(request);
}

/**
 * The run the single-request views play: the request drilled into from a traffic run's charts once its replay is
 * here, or else the scenario's one request.
 */
export function resultOf({ scenario, request }: { scenario: Scenario; request: string | null }): SimResult {
  return (request !== null && scenario.mode === 'traffic' && replayOf(scenario, request)) || resultFor(scenario);
}

export function timelineFor(result: SimResult): Timeline {
  return memo(timelines, result, buildTimeline);
}

/** The cursor position of every step, by event id (memoised inside steps.ts by the events array). */
export function momentsFor(result: SimResult): number[] {
  return stepMoments(result.events);
}

export function waterfallFor(result: SimResult): Waterfall {
  return memo(waterfalls, result, waterfallOf);
}
