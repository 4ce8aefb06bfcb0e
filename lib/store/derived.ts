/**
 * Everything computed from the store's inputs, memoised by identity: a scenario object is never
 * mutated, so the same object always has the same result, timeline, step moments and waterfall.
 * Traffic replays are the exception in where they are computed, not in what they are: the Worker makes them and
 * they are filed here (`primeReplay`, through the store's `settleReplay`).
 */
import { runScenario, type SimResult } from '@/lib/sim';
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

export function resultFor(scenario: Scenario): SimResult {
  return memo(results, scenario, runScenario);
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
