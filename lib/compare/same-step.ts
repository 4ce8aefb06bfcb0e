/**
 * When a condition changes, the learner stays where they were: at the same step of the new run when that
 * step still happens, else at the start. A step is recognised by what it is — its kind, where it runs, which
 * request and attempt, and how many such events came before it — not by its number, which shifts as soon as
 * an earlier event appears or disappears.
 */
import type { SimEvent, SimResult } from '@/lib/sim';
import { frameAt } from '@/lib/playback/frame';
import { stepMoments } from '@/lib/playback/steps';

function signature(e: SimEvent): string {
  return `${e.kind}|${e.from}>${e.to}|${e.requestId}#${e.attempt}`;
}

/** The event in `after` that is the same step as `event` in `before`, if it still happens. */
export function sameEvent(before: readonly SimEvent[], event: SimEvent, after: readonly SimEvent[]): SimEvent | null {
  const key = signature(event);
  const nth = before.filter((e) => e.id < event.id && signature(e) === key).length;
  return after.filter((e) => signature(e) === key)[nth] ?? null;
}

/** Where the cursor goes in the new run: the end stays the end, a step that still happens keeps its place. */
export function carryCursor(before: SimResult, after: SimResult, cursor: number, endBefore: number, endAfter: number): number {
  if (cursor <= 0) return 0;
  if (cursor >= endBefore) return endAfter;
  const current = frameAt(before, cursor).currentEventId;
  if (current === null) return 0;
  const same = sameEvent(before.events, before.events[current]!, after.events);
  return same ? Math.min(stepMoments(after.events)[same.id]!, endAfter) : 0;
}

/** A selected event keeps being selected under its new number; one that no longer happens is let go. */
export function carrySelection(before: SimResult, after: SimResult, selection: string | null): string | null {
  const match = selection ? /^e(\d+)$/.exec(selection) : null;
  if (!match) return selection;
  const event = before.events[Number(match[1])];
  const same = event ? sameEvent(before.events, event, after.events) : null;
  return same ? `e${same.id}` : null;
}
