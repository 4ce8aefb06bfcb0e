/**
 * Everything computed from the store's inputs, memoised by identity: a scenario object is never
 * mutated, so the same object always has the same result, timeline and step moments.
 */
import { runScenario, type SimResult } from '@/lib/sim';
import type { Scenario } from '@/lib/scenario/schema';
import { buildTimeline, type Timeline } from '@/lib/playback/timeline';
import { stepMoments } from '@/lib/playback/steps';

const results = new WeakMap<Scenario, SimResult>();
const timelines = new WeakMap<SimResult, Timeline>();
const moments = new WeakMap<SimResult, number[]>();

export function resultFor(scenario: Scenario): SimResult {
  let result = results.get(scenario);
  if (!result) {
    result = runScenario(scenario);
    results.set(scenario, result);
  }
  return result;
}

export function timelineFor(result: SimResult): Timeline {
  let timeline = timelines.get(result);
  if (!timeline) {
    timeline = buildTimeline(result);
    timelines.set(result, timeline);
  }
  return timeline;
}

export function momentsFor(result: SimResult): number[] {
  let list = moments.get(result);
  if (!list) {
    list = stepMoments(result.events);
    moments.set(result, list);
  }
  return list;
}
