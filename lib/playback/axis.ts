/**
 * Axis ticks for the waterfall: round times (1, 2, 5 × a power of ten milliseconds) placed on the chosen
 * scale and thinned so their labels never crowd. On the readable scale the short times spread out and
 * the long ones bunch up, which is what the ticks then show.
 */

export interface Tick {
  ms: number;
  /** 0..1 along the axis. */
  at: number;
}

/** Round times up to `totalMs`, in order. */
function roundTimes(totalMs: number): number[] {
  const times: number[] = [];
  for (let power = 1; power <= totalMs; power *= 10) {
    for (const m of [1, 2, 5]) if (m * power <= totalMs) times.push(m * power);
  }
  return times;
}

/** `place` maps simulated ms to 0..1; `minGap` is the smallest distance between two ticks. */
export function ticksFor(totalMs: number, place: (ms: number) => number, minGap = 0.12): Tick[] {
  const ticks: Tick[] = [{ ms: 0, at: 0 }];
  for (const ms of roundTimes(totalMs)) {
    const at = place(ms);
    // The last label needs room before the axis ends.
    if (at - ticks.at(-1)!.at >= minGap && at <= 1 - minGap / 2) ticks.push({ ms, at });
  }
  return ticks;
}

/** A tick's label: `0`, `10 ms`, `2 s`. */
export function tickLabel(ms: number): string {
  if (ms === 0) return '0';
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}
