/**
 * Simulated time is lopsided: a TCP segment takes 10 ms, a slow query 4 s. Played at real speed the
 * handshakes would be invisible ("too fast to follow" is learners' most common complaint about
 * visualisers). Playback therefore runs on display time: every stretch between two moments where
 * something starts or ends gets a display duration that grows with the logarithm of its simulated length.
 * Short legs become readable, long waits stay visibly long, and order is preserved exactly.
 */
import type { SimEvent, SimResult } from '@/lib/sim';

export interface Segment {
  simStart: number;
  simEnd: number;
  displayStart: number;
  displayEnd: number;
}

export interface Timeline {
  segments: Segment[];
  /** Display milliseconds at 1× speed. */
  totalDisplayMs: number;
  /** Simulated milliseconds at the end of the last event. */
  totalSimMs: number;
}

/** Display milliseconds for a stretch of simulated milliseconds, at 1× speed. */
export function displayLength(simMs: number): number {
  return 140 + 280 * Math.log10(1 + simMs);
}

export function breakpointsOf(events: readonly SimEvent[]): number[] {
  const points = new Set<number>([0]);
  for (const e of events) {
    points.add(e.t);
    points.add(e.t + e.durationMs);
  }
  return [...points].sort((a, b) => a - b);
}

export function buildTimeline(result: SimResult): Timeline {
  const points = breakpointsOf(result.events);
  const segments: Segment[] = [];
  let display = 0;
  for (let i = 1; i < points.length; i++) {
    const simStart = points[i - 1]!;
    const simEnd = points[i]!;
    const length = displayLength(simEnd - simStart);
    segments.push({ simStart, simEnd, displayStart: display, displayEnd: display + length });
    display += length;
  }
  return { segments, totalDisplayMs: display, totalSimMs: points.at(-1) ?? 0 };
}

function findSegment<K extends 'simStart' | 'displayStart'>(segments: readonly Segment[], key: K, value: number): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]![key] <= value) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo];
}

export function simToDisplay(timeline: Timeline, simMs: number): number {
  if (simMs <= 0) return 0;
  if (simMs >= timeline.totalSimMs) return timeline.totalDisplayMs;
  const s = findSegment(timeline.segments, 'simStart', simMs);
  if (!s) return 0;
  const fraction = s.simEnd === s.simStart ? 0 : (simMs - s.simStart) / (s.simEnd - s.simStart);
  return s.displayStart + fraction * (s.displayEnd - s.displayStart);
}

export function displayToSim(timeline: Timeline, displayMs: number): number {
  if (displayMs <= 0) return 0;
  if (displayMs >= timeline.totalDisplayMs) return timeline.totalSimMs;
  const s = findSegment(timeline.segments, 'displayStart', displayMs);
  if (!s) return 0;
  const fraction = (displayMs - s.displayStart) / (s.displayEnd - s.displayStart);
  return s.simStart + fraction * (s.simEnd - s.simStart);
}

/**
 * The scrubber and the waterfall offer two scales: display time, where a 10 ms handshake gets room to be
 * read, and true time, where a 4 s query looks 400 times longer than a handshake, as it is.
 */
export type TimeScale = 'display' | 'true';

/** Where simulated time t falls on a scale, from 0 (the start) to 1 (the end of the run). */
export function fractionOf(timeline: Timeline, scale: TimeScale, simMs: number): number {
  if (scale === 'true') return timeline.totalSimMs > 0 ? Math.min(1, Math.max(0, simMs / timeline.totalSimMs)) : 0;
  return timeline.totalDisplayMs > 0 ? simToDisplay(timeline, simMs) / timeline.totalDisplayMs : 0;
}

/** The simulated time at a fraction of a scale. */
export function simAtFraction(timeline: Timeline, scale: TimeScale, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return scale === 'true' ? f * timeline.totalSimMs : displayToSim(timeline, f * timeline.totalDisplayMs);
}
