/**
 * A traffic run in one sentence, for the announcement when it ends and for anyone who cannot see the charts:
 * "p99 rose from 285 ms to 20.7 s at t = 22 s, 2 s after the database slowed, and came back by t = 61 s".
 *
 * Derived from the series and the scenario's timeline, never scripted: the biggest departure of p99 (else of the
 * error rate) from what the run usually showed, when it began, and the latest timeline action before it. A run
 * with no departure says how steady it was, or how its hit ratio climbed while the edge cache filled.
 */
import { formatMs } from '@/lib/format-ms';
import type { Scenario, TimelineAction } from '@/lib/scenario/schema';
import { formatPercent, formatSecondsAt } from './figures';
import type { SeriesPoint } from './metrics';
import type { TrafficSummary } from './run';

/** Each timeline action as it ends "when …" or "5 s after …": what changed, in the past tense. */
export const TIMELINE_ACTION_CLAUSES: Readonly<Record<TimelineAction, string>> = {
  deploy: 'a new version was deployed',
  invalidate: 'the invalidation was issued',
  'db-slow': 'the database slowed',
  'db-down': 'the database went down',
  'db-ok': 'the database recovered',
  'payments-slow': 'the payments API slowed',
  'payments-down': 'the payments API went down',
  'payments-ok': 'the payments API recovered',
  'origin-5xx': 'the origin began answering 500',
  'origin-ok': 'the origin recovered',
  'attack-burst': 'a burst of attacks began',
  'attack-stop': 'the burst of attacks ended',
  'bot-flood': 'a bot flood began',
  'bot-flood-stop': 'the bots stopped',
  'syn-flood': 'a SYN flood began',
  'syn-flood-stop': 'the SYN flood ended',
  'db-failover': 'the database failed over',
  spike: 'a spike of visitors began',
  'spike-end': 'the spike ended',
};

/**
 * What counts as news. p99 has risen when it at least doubled, or fallen when it at least halved, by 50 ms or more
 * (a few ms on a fast site is noise); errors have risen when they are 5 points above their usual share; the hit
 * ratio has climbed when its last quarter is 20 points above its first stretch. Thresholds of this sentence, not
 * facts about any system.
 */
const P99_CHANGE_FACTOR = 2;
const P99_CHANGE_MIN_MS = 50;
const ERROR_RISE = 0.05;
const HIT_CLIMB = 0.2;
const RECOVERED_STRETCHES = 3;

export interface RunToDescribe {
  series: readonly SeriesPoint[];
  bucketS: number;
  scenario: Scenario;
  /** The run's summary, once it has ended: its error rate is the run's own, not the stretches' average. */
  summary?: TrafficSummary;
}

/** A departure from the usual: where it began, peaked and ended, as indices into the series. */
interface Departure {
  usual: number;
  peak: number;
  peakIndex: number;
  onsetIndex: number;
  /** The first stretch after the peak of the first spell back within bounds; null if there was none. */
  backIndex: number | null;
  /** Whether it was there from the first stretch with answers: a start, not a change. */
  fromTheStart: boolean;
  /** How far it went, comparable between a rise and a fall: the ratio of the larger to the smaller. */
  size: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * The stretches that say what the run usually looked like (those with answers that ended before the first
 * timeline action, when there are at least three; else every stretch with answers), and those to search for a
 * departure from it: all with answers.
 */
function usualStretches(series: readonly SeriesPoint[], bucketS: number, scenario: Scenario): { usual: number[]; searched: number[] } {
  const answered = series.flatMap((p, i) => (p.rps > 0 ? [i] : []));
  const first = scenario.traffic.timeline.find((e) => e.atS < scenario.traffic.durationS);
  const before = first ? answered.filter((i) => series[i]!.t + bucketS <= first.atS) : [];
  return { usual: before.length >= 3 ? before : answered, searched: answered };
}

/**
 * The stretch furthest from the usual in one direction, if it departs enough, and the block of departed stretches
 * that leads to it. A stretch with no answers carries no figure and belongs to the block: nobody got an answer.
 */
function departure(
  series: readonly SeriesPoint[],
  { usual: usualIndices, searched }: { usual: number[]; searched: number[] },
  value: (p: SeriesPoint) => number,
  departed: (v: number, usual: number) => boolean,
  size: (v: number, usual: number) => number,
): Departure | null {
  if (searched.length === 0) return null;
  const at = (i: number) => value(series[i]!);
  const usual = median(usualIndices.map(at));
  const peakIndex = searched.reduce((best, i) => (size(at(i), usual) > size(at(best), usual) ? i : best));
  if (!departed(at(peakIndex), usual)) return null;
  let onsetIndex = peakIndex;
  for (let i = peakIndex - 1; i >= 0; i--) {
    if (series[i]!.rps > 0 && !departed(at(i), usual)) break;
    onsetIndex = i;
  }
  // Back when it stays back: three stretches with answers in a row (or all that are left), so a blip is not a recovery.
  const after = searched.filter((i) => i > peakIndex);
  const backIndex = after.find((_, k) => after.slice(k, k + RECOVERED_STRETCHES).every((i) => !departed(at(i), usual))) ?? null;
  const firstAnswered = series.findIndex((p) => p.rps > 0);
  return { usual, peak: at(peakIndex), peakIndex, onsetIndex, backIndex, fromTheStart: onsetIndex <= firstAnswered, size: size(at(peakIndex), usual) };
}

/** "when the database slowed", "5 s after the invalidation was issued", or "with nothing on the timeline". */
function causeOf(scenario: Scenario, atS: number, bucketS: number): string {
  const { timeline, durationS } = scenario.traffic;
  // The latest action that took effect by the end of the stretch where the change showed (one after the arrivals stopped changed nothing).
  const cause = timeline.filter((e) => e.atS < durationS && e.atS < atS + bucketS).at(-1);
  if (!cause) return 'with nothing on the timeline';
  const clause = TIMELINE_ACTION_CLAUSES[cause.action];
  const gap = atS - cause.atS;
  return gap >= 2 * bucketS ? `${formatSecondsAt(gap)} after ${clause}` : `when ${clause}`;
}

/** The share of answers that were errors: the summary's, else the stretches' weighted by their answers. */
function errorShare({ series, summary }: RunToDescribe): number {
  if (summary) return summary.errorRate;
  const answers = series.reduce((sum, p) => sum + p.rps, 0);
  return answers > 0 ? series.reduce((sum, p) => sum + p.rps * p.errorRate, 0) / answers : 0;
}

/** The run in one sentence. */
export function describeRun(run: RunToDescribe): string {
  const { series, bucketS, scenario } = run;
  const answered = series.filter((p) => p.rps > 0);
  if (answered.length === 0) return 'No request has been answered yet.';
  const t = (i: number) => `t = ${formatSecondsAt(series[i]!.t)}`;
  const usualP99 = formatMs(median(answered.map((p) => p.p99)));
  const errors = formatPercent(errorShare(run));
  const stretches = usualStretches(series, bucketS, scenario);

  const rise = departure(series, stretches, (p) => p.p99, (v, u) => v >= P99_CHANGE_FACTOR * u && v - u >= P99_CHANGE_MIN_MS, (v, u) => (v + 1) / (u + 1));
  const fall = departure(series, stretches, (p) => p.p99, (v, u) => v * P99_CHANGE_FACTOR <= u && u - v >= P99_CHANGE_MIN_MS, (v, u) => (u + 1) / (v + 1));
  const p99 = rise && fall ? (rise.size >= fall.size ? rise : fall) : (rise ?? fall);
  const errorRate = departure(series, stretches, (p) => p.errorRate, (v, u) => v - u >= ERROR_RISE, (v, u) => v - u);
  const ending = (d: Departure) => (d.backIndex === null ? ', and stayed there to the end' : `, and came back by ${t(d.backIndex)}`);
  const cause = (d: Departure) => causeOf(scenario, series[d.onsetIndex]!.t, bucketS);

  if (p99) {
    const alsoErrors = errorRate ? `; errors peaked at ${formatPercent(errorRate.peak)} at ${t(errorRate.peakIndex)}` : `; ${errors} errors`;
    if (p99.fromTheStart) {
      const settled = p99.backIndex === null ? '' : `, and settled near ${formatMs(p99.usual)} by ${t(p99.backIndex)}`;
      return `p99 was ${formatMs(p99.peak)} at the start${settled}${alsoErrors}.`;
    }
    const moved = p99 === rise ? 'rose' : 'fell';
    return `p99 ${moved} from ${formatMs(p99.usual)} to ${formatMs(p99.peak)} at ${t(p99.onsetIndex)}, ${cause(p99)}${ending(p99)}${alsoErrors}.`;
  }
  if (errorRate) {
    if (errorRate.fromTheStart) {
      const settled = errorRate.backIndex === null ? '' : `, and fell to ${formatPercent(errorRate.usual)} by ${t(errorRate.backIndex)}`;
      return `Errors were ${formatPercent(errorRate.peak)} at the start${settled}; p99 stayed near ${usualP99}.`;
    }
    return `Errors rose from ${formatPercent(errorRate.usual)} to ${formatPercent(errorRate.peak)} at ${t(errorRate.onsetIndex)}, ${cause(errorRate)}${ending(errorRate)}; p99 stayed near ${usualP99}.`;
  }
  const ratios = series.flatMap((p) => (p.hitRatio === null ? [] : [p.hitRatio]));
  if (ratios.length >= 4) {
    const first = ratios[0]!;
    const last = median(ratios.slice(-Math.ceil(ratios.length / 4)));
    if (last - first >= HIT_CLIMB) return `The hit ratio climbed from ${formatPercent(first)} to ${formatPercent(last)} as the edge cache filled; p99 stayed near ${usualP99}, with ${errors} errors.`;
  }
  return `p99 stayed near ${usualP99}; ${errors} errors.`;
}

/**
 * The stretch with the highest p99, the first of equals; null while no stretch has answers (whose p99 is 0). A
 * dashboard's "worst moment" is where a learner starts looking for a slow request.
 */
export function worstP99Index(series: readonly SeriesPoint[]): number | null {
  let worst: number | null = null;
  series.forEach((point, i) => {
    if (point.p99 > (worst === null ? 0 : series[worst]!.p99)) worst = i;
  });
  return worst;
}
