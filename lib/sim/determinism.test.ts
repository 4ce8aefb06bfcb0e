import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '@/lib/testing/arbitraries';
import { links } from './topology';
import { runScenario } from './run';

describe('runScenario over random scenarios', () => {
  it('gives byte-identical JSON for the same scenario (seed 20261126)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        expect(JSON.stringify(runScenario(scenario))).toBe(JSON.stringify(runScenario(structuredClone(scenario))));
      }),
      { seed: 20261126, numRuns: 150 },
    );
  });

  it('keeps events in time order, on drawn links, and always ends with an answer (seed 7)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const result = runScenario(scenario);
        const drawn = new Set(links(scenario.db.engine).flatMap((l) => [`${l.a}>${l.b}`, `${l.b}>${l.a}`]));
        result.events.forEach((event, index) => {
          expect(event.id).toBe(index);
          if (index > 0) expect(event.t).toBeGreaterThanOrEqual(result.events[index - 1]!.t);
          if (event.leg && event.from !== event.to) {
            const path = [event.from, ...(event.via ?? []), event.to];
            for (let i = 1; i < path.length; i++) expect(drawn.has(`${path[i - 1]}>${path[i]}`), `${path[i - 1]}>${path[i]}`).toBe(true);
          }
        });
        // The browser always hears back: at worst CloudFront's own 504 after its origin timeout.
        expect(result.outcome.status).not.toBeNull();
        expect(result.outcome.attempts).toBeGreaterThanOrEqual(1);
        expect(result.outcome.attempts).toBeLessThanOrEqual(scenario.retry.attempts);
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});
