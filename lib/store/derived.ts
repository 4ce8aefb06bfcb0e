/**
 * Everything computed from the store's inputs, memoised by identity: a scenario object is never
 * mutated, so the same object always has the same result, timeline, step moments and waterfall.
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
