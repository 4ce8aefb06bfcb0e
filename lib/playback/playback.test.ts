import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { scenarioWith } from '@/lib/testing/scenario';
import { endingOf } from './answer';
import { frameAt } from './frame';
import { buildTimeline, displayToSim, simToDisplay } from './timeline';

const result = runScenario(scenarioWith());

describe('playback frames', () => {
  it('shows the SYN halfway along the browser → shield segment halfway through its first half', () => {
    const syn = result.events.find((e) => e.kind === 'tcp-syn')!;
    const frame = frameAt(result, syn.t + syn.durationMs / 4);
    const packet = frame.packets.find((p) => p.eventId === syn.id)!;
    expect(packet.segmentFrom).toBe('browser');
    expect(packet.segmentTo).toBe('shield');
    expect(packet.progress).toBeCloseTo(0.5);
    expect(packet.kind).toBe('handshake');
  });

  it('narrates the leg in flight, and once it lands, what starts where it landed', () => {
    const syn = result.events.find((e) => e.kind === 'tcp-syn')!;
    expect(frameAt(result, syn.t + 1).currentEventId).toBe(syn.id);
    const landed = frameAt(result, syn.t + syn.durationMs).currentEventId!;
    expect(result.events[landed]!.t).toBe(syn.t + syn.durationMs);
  });

  it('marks the WAF blocked once it has blocked', () => {
    const blocked = runScenario(scenarioWith({ request: { payload: 'sqli' } }));
    const block = blocked.events.find((e) => e.kind === 'waf-block')!;
    expect(frameAt(blocked, block.t - 0.001).nodes.waf).not.toBe('blocked');
    expect(frameAt(blocked, block.t).nodes.waf).toBe('blocked');
  });

  it('shows nothing in flight before the start and after the end', () => {
    expect(frameAt(result, 0).packets.filter((p) => p.progress > 0)).toHaveLength(0);
    expect(frameAt(result, result.summary.durationMs).packets).toHaveLength(0);
  });
});

describe('the display timeline', () => {
  it('maps simulated time to display time and back, monotonically (seed 5)', () => {
    const timeline = buildTimeline(result);
    fc.assert(
      fc.property(fc.double({ min: 0, max: timeline.totalSimMs, noNaN: true }), fc.double({ min: 0, max: timeline.totalSimMs, noNaN: true }), (a, b) => {
        expect(displayToSim(timeline, simToDisplay(timeline, a))).toBeCloseTo(a, 6);
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(simToDisplay(timeline, earlier)).toBeLessThanOrEqual(simToDisplay(timeline, later));
      }),
      { seed: 5 },
    );
  });

  it('gives a 10 ms handshake leg a visible share of the timeline next to a 150 ms call', () => {
    const timeline = buildTimeline(result);
    const syn = timeline.segments.find((s) => s.simEnd - s.simStart === 10)!;
    const call = timeline.segments.find((s) => s.simEnd - s.simStart === 150)!;
    const synShare = (syn.displayEnd - syn.displayStart) / (call.displayEnd - call.displayStart);
    expect(synShare).toBeGreaterThan(0.5);
  });
});

describe('the ending', () => {
  it('names the leg that brought the answer, and marks work that went on after it', () => {
    const slow = runScenario(scenarioWith({ db: { behaviour: 'slow' }, cache: { state: 'off' } } as never));
    const ending = endingOf(slow);
    expect(ending.answerEvent).toMatchObject({ to: 'browser', status: slow.outcome.status });
    expect(ending.workAfterAnswer).toBe(true);
    expect(ending.workEndedAt).toBe(Math.max(...slow.events.map((e) => e.t + e.durationMs)));
    expect(endingOf(result).workAfterAnswer).toBe(false);
  });
});
