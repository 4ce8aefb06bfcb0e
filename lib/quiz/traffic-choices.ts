/**
 * The choices of a traffic prediction (types.ts, `PredictTraffic`) and how a run's figures pick one: which way a
 * figure moved, or which band it landed in. Engine-free, so the quiz's inputs and grading can use it in a lesson's
 * first load; predict.ts supplies the figures.
 */
import type { TrafficChange } from './types';

/** A change within 5% of the larger figure reads as "about the same" unless a question says otherwise. */
export const DEFAULT_SAME_WITHIN = 0.05;

/** How far apart two figures are, as a share of the larger: 0 when equal, 1 when one of them is 0. */
export function relativeChange(before: number, after: number): number {
  const larger = Math.max(Math.abs(before), Math.abs(after));
  return larger === 0 ? 0 : Math.abs(after - before) / larger;
}

export function changeBetween(before: number, after: number, sameWithin = DEFAULT_SAME_WITHIN): TrafficChange {
  if (relativeChange(before, after) <= sameWithin) return 'same';
  return after > before ? 'up' : 'down';
}

export interface Band {
  from: number;
  /** Not included; `Infinity` for an open band. */
  to: number;
}

const BAND = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?|inf)$/;

/** A band choice, `0.01-0.1` or `0.5-inf`, or null when it is not one. */
export function parseBand(choice: string): Band | null {
  const match = BAND.exec(choice);
  if (!match) return null;
  const band = { from: Number(match[1]), to: match[2] === 'inf' ? Infinity : Number(match[2]) };
  return band.from < band.to ? band : null;
}

/** The choice whose band holds the value, or null. */
export function bandContaining(choices: readonly string[], value: number): string | null {
  return choices.find((c) => {
    const band = parseBand(c);
    return band !== null && value >= band.from && value < band.to;
  }) ?? null;
}
