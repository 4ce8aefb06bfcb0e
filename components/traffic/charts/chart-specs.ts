/**
 * What each chart of a traffic run shows: its title, its axes and their units, and each line with its legend
 * entry, colour and values, one per stretch. The canvas, the legend and the data table are all drawn from these,
 * so they cannot disagree. Pure: no React, no DOM.
 */
import { formatMs } from '@/lib/format-ms';
import type { Scenario } from '@/lib/scenario/schema';
import { formatAmount, formatPercent } from '@/lib/traffic/figures';
import type { SeriesPoint } from '@/lib/traffic/metrics';
import type { TheoryLine } from '@/lib/traffic/theory-lines';
import type { Tone } from './palette';

export type AxisKind = 'amount' | 'share' | 'latency';

export interface AxisSpec {
  /** Short, with its unit: the axis runs along the chart's height, and the legend names the lines. */
  label: string;
  kind: AxisKind;
  /** A fixed range, for a share that reads best from 0 to 100%. */
  range?: [number, number];
}

export interface LineSpec {
  /** Stable while the chart lives, so the canvas is rebuilt only when its set of lines changes. */
  id: string;
  /** Legend entry (which adds "right axis" where it applies) and table column. */
  label: string;
  tone: Tone;
  axis: 'left' | 'right';
  /** A prediction, drawn dashed. */
  theory: boolean;
  /** One per stretch; null where there is nothing to draw (no answers, nothing looked up, no steady state). */
  values: (number | null)[];
  /** Steps hold their value over the stretch: a count at the stretch's end, not a rate through it. */
  stepped?: boolean;
}

export type ChartId = 'traffic' | 'latency' | 'cache' | 'pool' | 'retries' | 'breakers';

export interface ChartSpec {
  id: ChartId;
  title: string;
  /** One line under the title: what to look for. */
  description: string;
  left: AxisSpec;
  right?: AxisSpec;
  lines: LineSpec[];
  /** Stretches shaded as a band behind the lines (the breakers not closed). */
  band?: boolean[];
  /** Said under the description when the chart has nothing to show yet, or never will in this run. */
  note?: string;
}

export interface SpecInput {
  series: readonly SeriesPoint[];
  scenario: Scenario;
  theory: readonly TheoryLine[];
}

/** A figure as the axis and the table write it. */
export function formatValue(kind: AxisKind, value: number): string {
  if (kind === 'share') return formatPercent(value);
  if (kind === 'latency') return formatMs(value);
  return formatAmount(value);
}

const line = (id: string, label: string, tone: Tone, values: (number | null)[], more: Partial<LineSpec> = {}): LineSpec => ({ id, label, tone, axis: 'left', theory: false, values, ...more });

/** A latency is a figure only where requests were answered; 0 would also break the log scale. */
const latency = (series: readonly SeriesPoint[], pick: (p: SeriesPoint) => number) => series.map((p) => (p.rps > 0 && pick(p) > 0 ? pick(p) : null));

function theoryFor(theory: readonly TheoryLine[], predicts: TheoryLine['predicts'], tone: Tone): LineSpec[] {
  return theory.filter((t) => t.predicts === predicts).map((t) => line(`theory-${predicts}`, t.label, tone, t.values, { theory: true }));
}

/** The charts of a run, in the order a reader follows a request: load, latency, the edge, the pools, resilience. */
export function chartSpecs({ series, scenario, theory }: SpecInput): ChartSpec[] {
  const any = (pick: (p: SeriesPoint) => number) => series.some((p) => pick(p) > 0);
  const specs: ChartSpec[] = [
    {
      id: 'traffic',
      title: 'Requests and errors',
      description: 'Answers a second, and the share of them that were server errors (5xx) or no answer at all.',
      left: { label: 'per second', kind: 'amount' },
      right: { label: 'error rate', kind: 'share' },
      lines: [line('rps', 'Answers a second', 'blue', series.map((p) => p.rps)), line('errorRate', 'Error rate', 'red', series.map((p) => (p.rps > 0 ? p.errorRate : null)), { axis: 'right' })],
    },
    {
      id: 'latency',
      title: 'Latency percentiles',
      description: 'Half of the answers came faster than p50, 95 in 100 faster than p95, 99 in 100 faster than p99; each counted in the stretch it was answered.',
      left: { label: 'latency, log scale', kind: 'latency' },
      lines: [line('p50', 'p50', 'green', latency(series, (p) => p.p50)), line('p95', 'p95', 'orange', latency(series, (p) => p.p95)), line('p99', 'p99', 'red', latency(series, (p) => p.p99))],
    },
    {
      id: 'cache',
      title: 'Edge cache',
      description: 'The share of cacheable lookups the edge answered from its cache, and the requests that went on to the origin.',
      left: { label: 'hit ratio', kind: 'share', range: [0, 1] },
      right: { label: 'per second', kind: 'amount' },
      ...(series.length > 0 && series.every((p) => p.hitRatio === null) ? { note: 'Nothing was looked up in the edge cache: caching is off, or no request could be cached.' } : {}),
      lines: [
        line('hitRatio', 'Hit ratio', 'green', series.map((p) => p.hitRatio)),
        ...theoryFor(theory, 'hitRatio', 'green'),
        line('originRps', 'Origin requests a second', 'blue', series.map((p) => p.originRps), { axis: 'right' }),
      ],
    },
    {
      id: 'pool',
      title: 'Database connection pools',
      description: 'Connections in use and requests waiting for one, averaged over each stretch and added up over the pods.',
      left: { label: 'connections, requests', kind: 'amount' },
      lines: [
        line('poolInUse', 'In use', 'blue', series.map((p) => p.poolInUse)),
        ...theoryFor(theory, 'poolInUse', 'blue'),
        line('poolWaiting', 'Waiting', 'orange', series.map((p) => p.poolWaiting)),
        ...theoryFor(theory, 'poolWaiting', 'orange'),
      ],
    },
    {
      id: 'retries',
      title: 'Retries',
      description: 'Retries a second at every layer together; calls refused by a breaker or a bulkhead, and fallbacks served, when there are any.',
      left: { label: 'per second', kind: 'amount' },
      lines: [
        line('retriesPerS', 'Retries a second', 'violet', series.map((p) => p.retriesPerS)),
        ...(any((p) => p.rejectedPerS) ? [line('rejectedPerS', 'Calls refused a second', 'red', series.map((p) => p.rejectedPerS))] : []),
        ...(any((p) => p.fallbacksPerS) ? [line('fallbacksPerS', 'Fallbacks a second', 'green', series.map((p) => p.fallbacksPerS))] : []),
      ],
    },
  ];
  if (scenario.resilience.breaker !== 'off' || any((p) => p.breakersOpen)) {
    specs.push({
      id: 'breakers',
      title: 'Circuit breakers',
      description: 'How many of the pods’ breakers were not closed (open, or half-open and probing) at the end of each stretch; shaded while any was.',
      left: { label: 'breakers', kind: 'amount' },
      lines: [line('breakersOpen', 'Breakers not closed', 'red', series.map((p) => p.breakersOpen), { stepped: true })],
      band: series.map((p) => p.breakersOpen > 0),
    });
  }
  return specs;
}

/** What makes a chart's canvas: when it changes, the canvas is built anew; otherwise only its data is replaced. */
export const shapeKey = (spec: ChartSpec) => `${spec.id}|${spec.right ? 'r' : ''}|${spec.lines.map((l) => `${l.id}:${l.label}`).join(',')}`;
