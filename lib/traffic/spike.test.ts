/**
 * A spike on the timeline: visitors arrive `spikeFactor` times as fast between `spike` and `spike-end`, and the
 * arrivals stay Poisson (arrivals.ts, run.ts). Counts are drawn, so each check states its tolerance: about four
 * standard deviations of a Poisson count, so a wrong rate fails and a right one passes for any seed.
 */
import { describe, expect, it } from 'vitest';
import { scenarioWith } from '@/lib/testing/scenario';
import { planOf, runTrafficSync, shapeOf } from './index';
import { rateChanges } from './arrivals';
import { TrafficRun } from './run';

const steady = scenarioWith({ mode: 'traffic', request: { kind: 'static' }, traffic: { rate: 20, durationS: 60 } });
const spiked = scenarioWith({
  mode: 'traffic',
  request: { kind: 'static' },
  traffic: { rate: 20, durationS: 60, spikeFactor: 5, timeline: [{ atS: 20, action: 'spike' }, { atS: 40, action: 'spike-end' }] },
});

/** When each visitor arrived, in ms. */
function arrivalTimes(scenario: typeof steady): number[] {
  const times: number[] = [];
  const run = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario), undefined, (_a, _s, _l, arrivedAtMs) => times.push(arrivedAtMs));
  while (run.advance(50_000));
  return times;
}

const within = (times: number[], fromS: number, toS: number) => times.filter((t) => t >= fromS * 1000 && t < toS * 1000).length;

describe('a spike of visitors', () => {
  it('reads the timeline as changes of rate, in order', () => {
    expect(rateChanges(planOf(spiked))).toEqual([
      { atMs: 20_000, factor: 5 },
      { atMs: 40_000, factor: 1 },
    ]);
    expect(rateChanges(planOf(steady))).toEqual([]);
  });

  it('brings visitors spikeFactor times as fast while it lasts, and the usual rate around it', () => {
    const times = arrivalTimes(spiked);
    // 20 s at 100/s: 2000 expected, σ ≈ 45. 40 s at 20/s: 800 expected, σ ≈ 28.
    expect(Math.abs(within(times, 20, 40) - 2000)).toBeLessThan(180);
    expect(Math.abs(within(times, 0, 20) + within(times, 40, 60) - 800)).toBeLessThan(115);
  });

  it('changes nothing before it starts: the same draws give the same first visitors', () => {
    const before = arrivalTimes(steady).filter((t) => t < 20_000);
    expect(arrivalTimes(spiked).filter((t) => t < 20_000)).toEqual(before);
  });

  it('shows in the series: answers per second rise during the spike', () => {
    const { series } = runTrafficSync(spiked);
    const mean = (from: number, to: number) => {
      const points = series.filter((p) => p.t >= from && p.t < to);
      return points.reduce((sum, p) => sum + p.rps, 0) / points.length;
    };
    expect(mean(25, 40) / mean(5, 20)).toBeGreaterThan(3.5);
  });
});
