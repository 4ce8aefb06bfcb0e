/**
 * Stepping moves the cursor from one event's end to the next: a step lands where a packet has just
 * arrived or a decision has just been taken, so what the caption says has happened.
 */
import type { SimEvent } from '@/lib/sim';

export function stepMoments(events: readonly SimEvent[]): number[] {
  return [...new Set(events.map((e) => e.t + e.durationMs))].sort((a, b) => a - b);
}

export function nextMoment(moments: readonly number[], t: number): number | null {
  return moments.find((m) => m > t + 1e-9) ?? null;
}

export function previousMoment(moments: readonly number[], t: number): number {
  for (let i = moments.length - 1; i >= 0; i--) if (moments[i]! < t - 1e-9) return moments[i]!;
  return 0;
}

/** Where the cursor goes to show an event: its end, when it has happened. */
export function momentOf(event: SimEvent): number {
  return event.t + event.durationMs;
}
