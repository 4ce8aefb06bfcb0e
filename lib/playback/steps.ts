/**
 * The story is told one event at a time: a step is one event, in the order of `events` (ids are in the
 * order events start). Stepping visits every event, so a 4 s query that overlaps the app's timeout, a
 * retry wait and another attempt is one step, and each of those is a step of its own.
 *
 * Each step has a moment: where the cursor goes to show it. An event "owns" the stretch from its start
 * until the next event starts (or until it ends, if sooner); the moment is the middle of that stretch.
 * A packet is then seen halfway along its link, a node's work is seen under way, and the caption, which
 * narrates the latest event to start, describes it. A long event stays visible while it runs: the
 * steps after it land inside it.
 *
 * Several events can start at the same instant (the app's timeout and its retry wait, both at 2109 ms in
 * `db=slow&cache=off`). They share a moment, so the cursor alone cannot tell them apart: the store also
 * keeps the step the learner is on, honoured while the cursor stays at that step's moment.
 */
import type { SimEvent } from '@/lib/sim';

/** A place on the story: the cursor, and the event the learner stepped to or picked there (null: none). */
export interface StoryPosition {
  t: number;
  step: number | null;
}

/** Moments are written into links; one-decimal milliseconds keep them short and exact. */
export function toTenth(t: number): number {
  return Math.round(t * 10) / 10;
}

function floorToTenth(t: number): number {
  // The epsilon keeps 2206.3 (stored as 2206.2999…) from flooring to 2206.2.
  return Math.floor(t * 10 + 1e-6) / 10;
}

const cache = new WeakMap<readonly SimEvent[], number[]>();

/** The cursor position that shows each event, by id; never decreasing. Memoised by the array's identity. */
export function stepMoments(events: readonly SimEvent[]): number[] {
  const known = cache.get(events);
  if (known) return known;
  const moments: number[] = [];
  let nextStartIndex = 0;
  let previous = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    while (nextStartIndex < events.length && events[nextStartIndex]!.t <= e.t) nextStartIndex++;
    const nextStart = nextStartIndex < events.length ? events[nextStartIndex]!.t : Infinity;
    const owned = Math.min(e.t + e.durationMs, nextStart);
    const middle = Math.max(e.t, floorToTenth((e.t + owned) / 2));
    // An instant after a leg that started at the same moment must not send the cursor back.
    previous = Math.max(previous, middle);
    moments.push(previous);
  }
  cache.set(events, moments);
  return moments;
}

/** The latest event to start by t (the last of them when several start together); null at the start. */
export function latestStartedAt(events: readonly SimEvent[], t: number): number | null {
  if (t <= 0) return null;
  let lo = 0;
  let hi = events.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The step the learner is on honoured only while the cursor is still at its moment. */
export function pinnedStep(events: readonly SimEvent[], position: StoryPosition): number | null {
  const { t, step } = position;
  if (step === null || step < 0 || step >= events.length) return null;
  return Math.abs(stepMoments(events)[step]! - t) < 1e-6 ? step : null;
}

/** The event the caption narrates and the log highlights at a position. */
export function currentStep(events: readonly SimEvent[], position: StoryPosition): number | null {
  return pinnedStep(events, position) ?? latestStartedAt(events, position.t);
}

/**
 * Stepping moves one event on or back from the one in the caption, so the step counter always changes
 * by exactly one. From a cursor the learner dragged, the caption's event is the latest to start.
 */
export function nextStep(events: readonly SimEvent[], position: StoryPosition): number | null {
  const next = (currentStep(events, position) ?? -1) + 1;
  return next < events.length ? next : null;
}

/** The step before a position, or null when only the start is before it. */
export function previousStep(events: readonly SimEvent[], position: StoryPosition): number | null {
  const current = currentStep(events, position);
  return current === null || current === 0 ? null : current - 1;
}
