import { describe, expect, it } from 'vitest';
import { tickLabel, ticksFor } from './axis';

describe('waterfall ticks', () => {
  it('places round times on a linear axis, spaced apart', () => {
    const ticks = ticksFor(22_667, (ms) => ms / 22_667);
    expect(ticks.map((t) => tickLabel(t.ms))).toEqual(['0', '5 s', '10 s', '20 s']);
  });

  it('spreads short times out on a logarithmic-looking axis', () => {
    const ticks = ticksFor(22_667, (ms) => Math.log10(1 + ms) / Math.log10(1 + 22_667));
    expect(ticks.map((t) => t.ms)).toEqual([0, 5, 20, 100, 500, 2000, 10000]);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.at - ticks[i - 1]!.at).toBeGreaterThanOrEqual(0.12);
  });
});
