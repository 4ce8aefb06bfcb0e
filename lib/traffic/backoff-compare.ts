/**
 * The backoff study, side by side: the learner's policy beside the same backoff, base and cap under each kind of
 * jitter, as the 2015 study compared them (AWS Architecture Blog, "Exponential Backoff And Jitter"). Each row is a
 * run of the engine; nothing here is a figure from the post.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { JITTERS, type Jitter } from '@/lib/scenario/vocabulary';
import { runBackoffStudy, type BackoffStudySummary } from './backoff-study';

export interface JitterRow {
  jitter: Jitter;
  /** Whether this is the scenario's own policy. */
  chosen: boolean;
  summary: BackoffStudySummary;
}

const comparisons = new WeakMap<Scenario, JitterRow[]>();

/** One study per kind of jitter, the scenario's other settings unchanged; memoised by the scenario's identity. */
export function compareJitters(scenario: Scenario): JitterRow[] {
  let rows = comparisons.get(scenario);
  if (!rows) {
    rows = JITTERS.map((jitter) => ({
      jitter,
      chosen: jitter === scenario.retry.jitter,
      summary: runBackoffStudy({ ...scenario, retry: { ...scenario.retry, jitter } }).summary,
    }));
    comparisons.set(scenario, rows);
  }
  return rows;
}

/** The comparison in one sentence: the chosen policy's calls and time, against the cheapest and the quickest. */
export function describeJitters(rows: readonly JitterRow[]): string {
  const chosen = rows.find((r) => r.chosen) ?? rows[0]!;
  const fewest = rows.reduce((a, b) => (b.summary.calls < a.summary.calls ? b : a));
  const quickest = rows.reduce((a, b) => (b.summary.completionMs < a.summary.completionMs ? b : a));
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const { clients, calls, completionMs } = chosen.summary;
  const own = `With ${chosen.jitter === 'none' ? 'no' : `${chosen.jitter}`} jitter, ${clients} clients made ${calls.toLocaleString('en')} calls, and the last was done after ${seconds(completionMs)}.`;
  const cheapest = `${label(fewest.jitter)} needed the fewest calls, ${fewest.summary.calls.toLocaleString('en')}`;
  const soonest = `${label(quickest.jitter).toLowerCase()} finished soonest, after ${seconds(quickest.summary.completionMs)}`;
  if (fewest === chosen && quickest === chosen) return `${own} No other jitter needed fewer calls, nor finished sooner.`;
  if (fewest === chosen) return `${own} No other jitter needed fewer calls, but ${soonest}.`;
  if (quickest === chosen) return `${own} ${cheapest}; none finished sooner.`;
  return `${own} ${cheapest}, and ${soonest}.`;
}

function label(jitter: Jitter): string {
  return jitter === 'none' ? 'No jitter' : `${jitter[0]!.toUpperCase()}${jitter.slice(1)} jitter`;
}
