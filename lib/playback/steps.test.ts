import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type SimEvent } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { singleRunArbitrary } from '@/lib/testing/arbitraries';
import { eventStatus, frameAt } from './frame';
import { currentStep, latestStartedAt, nextStep, previousStep, stepMoments, toTenth } from './steps';

const slow = runScenario(decodeLink('db=slow&cache=off').scenario);

/** Walks forward from the start with the pure functions, returning the steps visited. */
function walkForward(events: readonly SimEvent[]): number[] {
  const moments = stepMoments(events);
  const visited: number[] = [];
  let position = { t: 0, step: null as number | null };
  for (let guard = 0; guard <= events.length; guard++) {
    const next = nextStep(events, position);
    if (next === null) break;
    visited.push(next);
    position = { t: moments[next]!, step: next };
  }
  return visited;
}

describe('steps: one event per step', () => {
  it('visits every event exactly once, in id order, and stepping back retraces the way (seed 11)', () => {
    fc.assert(
      fc.property(singleRunArbitrary, (scenario) => {
        const { events } = runScenario(scenario);
        const ids = events.map((e) => e.id);
        expect(walkForward(events)).toEqual(ids);

        const moments = stepMoments(events);
        const back: number[] = [];
        let position = { t: moments.at(-1)!, step: events.length - 1 as number | null };
        for (;;) {
          const previous = previousStep(events, position);
          if (previous === null) break;
          back.push(previous);
          position = { t: moments[previous]!, step: previous };
        }
        expect(back).toEqual(ids.slice(0, -1).reverse());
      }),
      { seed: 11, numRuns: 60 },
    );
  }, 30_000);

  it('puts each moment inside the stretch its event owns, never moving the cursor back (seed 12)', () => {
    fc.assert(
      fc.property(singleRunArbitrary, (scenario) => {
        const { events } = runScenario(scenario);
        const moments = stepMoments(events);
        events.forEach((e, i) => {
          const nextStart = events.find((later) => later.t > e.t)?.t ?? Infinity;
          expect(moments[i]).toBeGreaterThanOrEqual(e.t);
          expect(moments[i]).toBeLessThan(nextStart);
          if (i > 0) expect(moments[i]).toBeGreaterThanOrEqual(moments[i - 1]!);
          // Links carry the cursor in tenths of a millisecond; a moment must survive that unchanged.
          expect(toTenth(moments[i]!)).toBe(moments[i]);
        });
      }),
      { seed: 12, numRuns: 60 },
    );
  }, 30_000);

  it('captions exactly the stepped event, even when several start at the same moment', () => {
    const moments = stepMoments(slow.events);
    const shared = slow.events.filter((e) => slow.events.some((o) => o.id !== e.id && moments[o.id] === moments[e.id]));
    expect(shared.length).toBeGreaterThan(10);
    for (const e of slow.events) {
      expect(currentStep(slow.events, { t: moments[e.id]!, step: e.id })).toBe(e.id);
      expect(frameAt(slow, moments[e.id]!, e.id).currentEventId).toBe(e.id);
    }
  });

  it('forgets the step once the cursor has moved off its moment', () => {
    const moments = stepMoments(slow.events);
    const timeout = slow.events.find((e) => e.kind === 'timeout')!;
    expect(currentStep(slow.events, { t: moments[timeout.id]! + 1, step: timeout.id })).not.toBe(timeout.id);
  });

  it('shows later events of the same moment only once the story reaches them', () => {
    const retry = slow.events.find((e) => e.kind === 'retry')!;
    const moment = stepMoments(slow.events)[retry.id]!;
    const query = slow.events.find((e) => e.id > retry.id && e.kind === 'db-query')!;
    expect(query.t).toBe(retry.t);
    const frame = frameAt(slow, moment, retry.id);
    expect(frame.packets.some((p) => p.eventId === query.id)).toBe(false);
    expect(eventStatus(query, frame.currentEventId, moment)).toBe('future');
  });
});

describe('the caption follows the cursor through a slow query', () => {
  const query = slow.events.find((e) => e.kind === 'db-result' && e.durationMs >= 4000)!;
  const timeout = slow.events.find((e) => e.kind === 'timeout' && e.from === 'app')!;
  const wait = slow.events.find((e) => e.kind === 'retry-wait' && e.from === 'app')!;
  const error = slow.events.find((e) => e.kind === 'response' && e.status === 503 && e.to === 'browser')!;
  const browserWait = slow.events.find((e) => e.kind === 'retry-wait' && e.from === 'browser')!;

  it('gives the timeout, the retry wait, the 503 and the browser’s wait their own steps and captions', () => {
    const moments = stepMoments(slow.events);
    for (const e of [timeout, wait, error, browserWait]) {
      expect(frameAt(slow, moments[e.id]!, e.id).currentEventId).toBe(e.id);
    }
  });

  it('moves on from the query when the app times out, while the query is still shown running', () => {
    expect(timeout.t).toBeLessThan(query.t + query.durationMs);
    const during = timeout.t + 10;
    const frame = frameAt(slow, during);
    expect(frame.currentEventId).toBe(wait.id);
    expect(eventStatus(query, frame.currentEventId, during)).toBe('running');
    expect(frame.nodes.db).toBe('active');
  });

  it('says nothing before the start and tells the last event at the end', () => {
    expect(latestStartedAt(slow.events, 0)).toBeNull();
    const end = Math.max(...slow.events.map((e) => e.t + e.durationMs));
    expect(frameAt(slow, end).currentEventId).toBe(slow.events.length - 1);
  });
});

describe('toTenth', () => {
  it('keeps whole and one-decimal milliseconds, and rounds the rest (seed 13)', () => {
    expect(toTenth(34.717)).toBe(34.7);
    expect(toTenth(2206.25)).toBe(2206.3);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (t) => {
        expect(String(toTenth(t))).toMatch(/^\d+(\.\d)?$/);
      }),
      { seed: 13 },
    );
  });
});
