/**
 * What a lesson's traffic simulator card shows before (or instead of) a live run: the run's settings and its key
 * figures, worked out at build time from the same run `<Outcome of="traffic:…" />` quotes. Pure; the component
 * (components/lesson/TrafficSim.tsx) renders it, and `npm run check:content` makes sure it can be built.
 */
import { manyRequestRun, manyRequestScenario, readManyRequestPath, sandboxQueryFor, type ManyRequestResult } from '@/lib/quiz/traffic-figures';
import type { Scenario } from '@/lib/scenario/schema';
import type { Figure, FigureFormat } from './figures';
import { formatFigure } from './format-figure';

export interface CardFigure {
  label: string;
  value: string;
}

export interface TrafficCard {
  /** The run in one line: "50 visits a second for 90 s" or "100 clients racing to write one row". */
  setup: string;
  /** What the timeline changes, when: "20 s db-slow", in the engine's words (lib/scenario/vocabulary.ts). */
  timeline: string[];
  figures: CardFigure[];
  /** The sandbox link that opens this run, its mode named. */
  sandboxQuery: string;
}

/** Which figures a card shows, in order; `when` leaves out a figure that says nothing in this run (a count of 0). */
interface Slot {
  label: string;
  path: string;
  format?: FigureFormat;
  when?: 'nonzero' | 'lookups';
}

const TRAFFIC_SLOTS: readonly Slot[] = [
  { label: 'Visits', path: 'summary.requests' },
  { label: 'Failed (5xx or no answer)', path: 'summary.errorRate' },
  { label: 'Latency p50', path: 'summary.latency.p50' },
  { label: 'Latency p99', path: 'summary.latency.p99' },
  { label: 'Edge hit ratio', path: 'summary.hitRatio', when: 'lookups' },
  { label: 'Origin requests', path: 'summary.originRequests' },
  { label: 'Calls to the database', path: 'summary.calls.db', when: 'nonzero' },
  { label: 'Calls to the payments API', path: 'summary.calls.payments', when: 'nonzero' },
  { label: 'Retries', path: 'summary.retries', when: 'nonzero' },
  { label: 'Refused by a breaker', path: 'summary.breakerRejections', when: 'nonzero' },
  { label: 'Refused by a bulkhead', path: 'summary.bulkheadRejections', when: 'nonzero' },
  { label: 'Fallbacks served', path: 'summary.fallbacks', when: 'nonzero' },
  { label: 'Retries the quota refused', path: 'summary.retriesDenied', when: 'nonzero' },
  { label: 'Origin Shield hit ratio', path: 'summary.cdn.originShield.hitRatio' },
  { label: 'Sent to the secondary origin', path: 'summary.cdn.failovers' },
  { label: 'Bot requests', path: 'summary.protection.botRequests', when: 'nonzero' },
  { label: 'Stopped by the rate rule', path: 'summary.protection.rateLimited', when: 'nonzero' },
  { label: 'Blocked by managed rules', path: 'summary.protection.wafBlocked', when: 'nonzero' },
  { label: 'SYN packets Shield absorbed', path: 'summary.protection.synFloodAbsorbed', when: 'nonzero' },
  { label: 'Database failover', path: 'summary.dbFailovers.0.failoverS', format: 's' },
];

const STUDY_SLOTS: readonly Slot[] = [
  { label: 'Calls (reads and writes)', path: 'summary.calls' },
  { label: 'Last client done after', path: 'summary.completionMs' },
  { label: 'Median client done after', path: 'summary.medianCompletionMs' },
  { label: 'Most tries by one client', path: 'summary.mostAttempts' },
];

function figureOf(result: ManyRequestResult, slot: Slot): CardFigure | null {
  const read = readManyRequestPath(result, slot.path);
  if (!read.ok) return null;
  const { value } = read.figure;
  if (slot.when === 'nonzero' && value === 0) return null;
  if (slot.when === 'lookups' && 'series' in result && result.series.every((p) => p.hitRatio === null)) return null;
  const figure: Figure = read.figure;
  const format = slot.format ?? (figure.unit === 'ms' ? 'duration' : figure.unit === 'share' ? 'percent' : figure.unit === 'text' ? 'text' : 'count');
  return { label: slot.label, value: formatFigure(figure, format) };
}

const seconds = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;

function setupOf(scenario: Scenario): string {
  if (scenario.mode === 'backoff-study') {
    const { backoff, jitter, baseMs, capMs } = scenario.retry;
    return `${scenario.backoffStudy.clients} clients racing to write one row; backoff ${backoff}, jitter ${jitter}, base ${baseMs} ms, cap ${capMs} ms`;
  }
  const { rate, durationS, warmupS } = scenario.traffic;
  return `${rate} visits a second for ${seconds(durationS)}${warmupS > 0 ? `, the first ${seconds(warmupS)} left out of the figures as warm-up` : ''}`;
}

/** The card for a link that runs many requests, or one sentence saying why there is none. */
export function trafficCard(link: string): TrafficCard | string {
  const scenario = manyRequestScenario(link);
  if (typeof scenario === 'string') return scenario;
  const result = manyRequestRun(link);
  if (typeof result === 'string') return result;
  const slots = scenario.mode === 'backoff-study' ? STUDY_SLOTS : TRAFFIC_SLOTS;
  return {
    setup: setupOf(scenario),
    timeline: scenario.mode === 'backoff-study' ? [] : [...scenario.traffic.timeline].sort((a, b) => a.atS - b.atS).map((m) => `${seconds(m.atS)} ${m.action}`),
    figures: slots.map((slot) => figureOf(result, slot)).filter((f): f is CardFigure => f !== null),
    sandboxQuery: sandboxQueryFor(link),
  };
}
