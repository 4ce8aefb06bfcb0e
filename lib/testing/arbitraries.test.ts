import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '@/lib/scenario/schema';
import { scenarioArbitrary, singleRunArbitrary, trafficRunArbitrary } from './arbitraries';

describe('the scenario generators', () => {
  it('draw only scenarios the schema accepts, as they are, rules across fields included (seed 5)', () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArbitrary, singleRunArbitrary, trafficRunArbitrary), (scenario) => {
        const checked = scenarioSchema.safeParse(scenario);
        expect(checked.error?.issues).toBeUndefined();
        expect(checked.data).toEqual(scenario);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('reach both modes, a mix of kinds, decimals and timelines (seed 7)', () => {
    const drawn = fc.sample(scenarioArbitrary, { seed: 7, numRuns: 200 });
    expect(drawn.some((s) => s.mode === 'single')).toBe(true);
    expect(drawn.some((s) => s.mode === 'traffic' && s.request.kind === 'mix')).toBe(true);
    expect(drawn.some((s) => !Number.isInteger(s.traffic.rate) && !Number.isInteger(s.traffic.zipf))).toBe(true);
    expect(drawn.some((s) => s.traffic.timeline.length > 1 && s.traffic.warmupS > 0)).toBe(true);
  });

  it('give the single-run engine one request, never a mix (seed 9)', () => {
    for (const s of fc.sample(singleRunArbitrary, { seed: 9, numRuns: 200 })) expect([s.mode, s.request.kind]).toEqual(['single', expect.stringMatching(/^(api|static)$/)]);
    for (const s of fc.sample(trafficRunArbitrary, { seed: 9, numRuns: 50 })) expect(s.mode).toBe('traffic');
  });
});
