import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import { PRESETS } from '@/lib/scenario/presets';
import { singleRunArbitrary } from '@/lib/testing/arbitraries';
import { REFERENCE_LINKS } from '@/lib/testing/reference-traces';
import { TallyRecorder, TraceRecorder, type Happening } from './recorder';
import { runScenario, tallyScenario } from './run';

const withoutEvents = ({ version, outcome, summary }: ReturnType<typeof runScenario>) => ({ version, outcome, summary });

describe('the two recorders', () => {
  it('give the same outcome and summary for every preset and reference link', () => {
    const links = [...PRESETS.map((p) => `preset=${p.id}`), ...REFERENCE_LINKS];
    for (const link of links) {
      const scenario = decodeLink(link).scenario;
      expect(tallyScenario(scenario), link).toEqual(withoutEvents(runScenario(scenario)));
    }
  });

  it('give the same outcome and summary for random scenarios (seed 20261130)', () => {
    fc.assert(
      fc.property(singleRunArbitrary, (scenario) => {
        expect(tallyScenario(scenario)).toEqual(withoutEvents(runScenario(scenario)));
      }),
      { seed: 20261130, numRuns: 120 },
    );
  });

  it('write the words only when they are shown: the tally never calls a narration', () => {
    const happening: Happening = {
      t: 1,
      durationMs: 2,
      requestId: 'r1',
      attempt: 1,
      from: 'browser',
      to: 'edge',
      via: ['shield'],
      leg: 'request',
      protocol: 'HTTPS',
      port: 443,
      kind: 'request',
      narration: () => {
        throw new Error('a tally must not build words');
      },
    };
    const tally = new TallyRecorder();
    tally.record(happening);
    expect([tally.count, tally.endMs, tally.hops('r1')]).toEqual([1, 3, ['browser', 'shield', 'edge']]);

    const trace = new TraceRecorder();
    trace.record({ ...happening, narration: () => 'The browser sends its request.' });
    expect(trace.events).toEqual([{ ...happening, id: 0, narration: 'The browser sends its request.' }]);
  });
});
