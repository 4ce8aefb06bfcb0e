/**
 * The run in one sentence: each shape a run can take, with the exact words a learner hears when it ends.
 */
import { describe, expect, it } from 'vitest';
import { scenarioForPreset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioWith } from '@/lib/testing/scenario';
import { stretchAt as stretch } from '@/lib/testing/series';
import { describeRun, TIMELINE_ACTION_CLAUSES, worstP99Index } from './describe';
import { runTrafficSync } from './index';
import type { SeriesPoint } from './metrics';
import type { TrafficSummary } from './run';

/** Stretches 0..n−1 of one second, each shaped by `at`. */
function seriesOf(n: number, at: (t: number) => Partial<SeriesPoint> = () => ({})): SeriesPoint[] {
  return Array.from({ length: n }, (_, t) => stretch(t, at(t)));
}

function traffic(timeline: Scenario['traffic']['timeline'] = [], durationS = 90): Scenario {
  return scenarioWith({ mode: 'traffic', traffic: { durationS, timeline } });
}

const say = (series: SeriesPoint[], scenario = traffic(), summary?: TrafficSummary, bucketS = 1) => describeRun({ series, bucketS, scenario, summary });

describe('the run in one sentence', () => {
  it('says a steady run stayed near its usual p99, with its share of errors', () => {
    expect(say(seriesOf(60))).toBe('p99 stayed near 180 ms; 0.0% errors.');
    expect(say(seriesOf(60, (t) => ({ p99: t % 2 ? 110 : 130, errorRate: t < 30 ? 0.02 : 0 })))).toBe('p99 stayed near 130 ms; 1.0% errors.');
  });

  it("takes the error rate from the run's summary once there is one", () => {
    const summary = { errorRate: 0.0123 } as TrafficSummary;
    expect(say(seriesOf(60), traffic(), summary)).toBe('p99 stayed near 180 ms; 1.2% errors.');
  });

  it('names the rise of p99, its moment, the timeline action before it, and when it came back', () => {
    const series = seriesOf(90, (t) => (t >= 40 && t < 56 ? { p99: 6200 } : {}));
    expect(say(series, traffic([{ atS: 40, action: 'db-slow' }, { atS: 55, action: 'db-ok' }]))).toBe(
      'p99 rose from 180 ms to 6.20 s at t = 40 s, when the database slowed, and came back by t = 56 s; 0.0% errors.',
    );
  });

  it('says how long after the action the change showed, when it was two stretches or more', () => {
    const series = seriesOf(60, (t) => (t >= 35 && t < 40 ? { p99: 2100 } : {}));
    expect(say(series, traffic([{ atS: 30, action: 'invalidate' }], 60))).toBe(
      'p99 rose from 180 ms to 2.10 s at t = 35 s, 5 s after the invalidation was issued, and came back by t = 40 s; 0.0% errors.',
    );
    expect(say(seriesOf(60, (t) => (t >= 31 && t < 40 ? { p99: 2100 } : {})), traffic([{ atS: 30, action: 'invalidate' }], 60))).toBe(
      'p99 rose from 180 ms to 2.10 s at t = 31 s, when the invalidation was issued, and came back by t = 40 s; 0.0% errors.',
    );
  });

  it('says "with nothing on the timeline" when no action came before the change', () => {
    const series = seriesOf(60, (t) => (t >= 20 && t < 30 ? { p99: 900 } : {}));
    expect(say(series, traffic([{ atS: 45, action: 'deploy' }], 60))).toBe(
      'p99 rose from 180 ms to 900 ms at t = 20 s, with nothing on the timeline, and came back by t = 30 s; 0.0% errors.',
    );
  });

  it('ignores an action after the arrivals stopped, as the engine does', () => {
    const series = seriesOf(60, (t) => (t >= 20 && t < 30 ? { p99: 900 } : {}));
    expect(say(series, traffic([{ atS: 10, action: 'db-slow' }, { atS: 70, action: 'db-ok' }], 60))).toBe(
      'p99 rose from 180 ms to 900 ms at t = 20 s, 10 s after the database slowed, and came back by t = 30 s; 0.0% errors.',
    );
  });

  it('counts stretches where nobody got an answer as part of the rise: it began when the answers stopped', () => {
    const series = seriesOf(90, (t) => (t >= 21 && t < 40 ? { rps: 0, p99: 0, p50: 0, p95: 0 } : t >= 40 && t < 52 ? { p99: 20_900, errorRate: 1 } : {}));
    expect(say(series, traffic([{ atS: 20, action: 'db-slow' }, { atS: 50, action: 'db-ok' }]))).toBe(
      'p99 rose from 180 ms to 20.9 s at t = 21 s, when the database slowed, and came back by t = 52 s; errors peaked at 100.0% at t = 40 s.',
    );
  });

  it('tells a fall of p99 too, and picks the bigger of a rise and a fall', () => {
    const fall = seriesOf(100, (t) => (t >= 23 && t < 82 ? { p99: 75 } : { p99: 285 }));
    expect(say(fall, traffic([{ atS: 20, action: 'payments-down' }, { atS: 80, action: 'payments-ok' }], 100))).toBe(
      'p99 fell from 285 ms to 75 ms at t = 23 s, 3 s after the payments API went down, and came back by t = 82 s; 0.0% errors.',
    );
    // A brief rise to 544 ms (1.9 times) is smaller than the fall that follows (3.8 times), and below the doubling that is news.
    const both = fall.map((p) => (p.t >= 20 && p.t < 23 ? { ...p, p99: 544 } : p));
    expect(say(both, traffic([{ atS: 20, action: 'payments-down' }, { atS: 80, action: 'payments-ok' }], 100))).toBe(
      'p99 fell from 285 ms to 75 ms at t = 23 s, 3 s after the payments API went down, and came back by t = 82 s; 0.0% errors.',
    );
  });

  it('takes a blip inside the departure for part of it: back means three stretches in a row', () => {
    const series = seriesOf(90, (t) => (t >= 30 && t < 60 && t !== 45 ? { p99: 3000 } : {}));
    expect(say(series, traffic([{ atS: 30, action: 'db-slow' }]))).toBe(
      'p99 rose from 180 ms to 3.00 s at t = 30 s, when the database slowed, and came back by t = 60 s; 0.0% errors.',
    );
  });

  it('says when p99 never came back', () => {
    const series = seriesOf(60, (t) => (t >= 30 ? { p99: 2500 } : {}));
    expect(say(series, traffic([{ atS: 30, action: 'db-down' }], 60))).toBe(
      'p99 rose from 180 ms to 2.50 s at t = 30 s, when the database went down, and stayed there to the end; 0.0% errors.',
    );
  });

  it('tells an error burst when p99 held', () => {
    const series = seriesOf(70, (t) => (t >= 30 && t < 50 ? { errorRate: t === 35 ? 0.4 : 0.3 } : {}));
    expect(say(series, traffic([{ atS: 30, action: 'origin-5xx' }, { atS: 50, action: 'origin-ok' }], 70))).toBe(
      'Errors rose from 0.0% to 40.0% at t = 30 s, when the origin began answering 500, and came back by t = 50 s; p99 stayed near 180 ms.',
    );
  });

  it('does not call a few points of errors a burst', () => {
    const series = seriesOf(70, (t) => (t >= 30 && t < 50 ? { errorRate: 0.04 } : {}));
    expect(say(series, traffic([{ atS: 30, action: 'origin-5xx' }], 70))).toBe('p99 stayed near 180 ms; 1.1% errors.');
  });

  it('tells the hit ratio climbing as the edge cache fills', () => {
    const series = seriesOf(60, (t) => ({ hitRatio: Math.min(0.88, t / 40), p99: 285 }));
    expect(say(series)).toBe('The hit ratio climbed from 0.0% to 88.0% as the edge cache filled; p99 stayed near 285 ms, with 0.0% errors.');
  });

  it('tells a run that was slow at the start and settled, without a cause', () => {
    const series = seriesOf(60, (t) => (t < 3 ? { p99: 1200 } : { p99: 120 }));
    expect(say(series)).toBe('p99 was 1.20 s at the start, and settled near 120 ms by t = 3 s; 0.0% errors.');
  });

  it('uses the stretch width for "after": two stretches of 2 s make 4 s', () => {
    const series = Array.from({ length: 60 }, (_, i) => stretch(i * 2, i >= 16 && i < 20 ? { p99: 1500 } : {}));
    expect(say(series, traffic([{ atS: 30, action: 'bot-flood' }], 120), undefined, 2)).toBe(
      'p99 rose from 180 ms to 1.50 s at t = 32 s, when a bot flood began, and came back by t = 40 s; 0.0% errors.',
    );
    expect(say(series, traffic([{ atS: 28, action: 'bot-flood' }], 120), undefined, 2)).toBe(
      'p99 rose from 180 ms to 1.50 s at t = 32 s, 4 s after a bot flood began, and came back by t = 40 s; 0.0% errors.',
    );
  });

  it('says so before any request is answered', () => {
    expect(say([])).toBe('No request has been answered yet.');
    expect(say(seriesOf(3, () => ({ rps: 0 })))).toBe('No request has been answered yet.');
  });

  it('has a clause for every timeline action', () => {
    for (const clause of Object.values(TIMELINE_ACTION_CLAUSES)) expect(clause).toMatch(/^(a|an|the) [a-zA-Z ]+ [a-z0-9 ]+$/);
  });

  it('tells the retry storm preset as it happens in the engine', () => {
    const scenario = scenarioForPreset('retry-storm')!;
    const result = runTrafficSync(scenario);
    expect(describeRun({ ...result, scenario })).toBe(
      'p99 rose from 285 ms to 20.9 s at t = 21 s, when the database slowed, and came back by t = 54 s; errors peaked at 100.0% at t = 40 s.',
    );
  }, 60_000);
});

describe('the worst p99 moment', () => {
  it('is the stretch with the highest p99, the first of equals', () => {
    const series = seriesOf(10, (t) => (t === 3 || t === 7 ? { p99: 6200 } : {}));
    expect(worstP99Index(series)).toBe(3);
  });

  it('is none while no stretch has answers', () => {
    expect(worstP99Index([])).toBeNull();
    expect(worstP99Index(seriesOf(3, () => ({ p99: 0, rps: 0 })))).toBeNull();
  });
});
