'use client';

/**
 * The charts of a traffic run (issue 10): requests and errors, latency percentiles, the edge cache, the database
 * pools, retries, and the breakers as a band; each with its legend, its table, the timeline's actions as markers
 * and the theory lines where a formula applies. Then the theory in words, and the run in one sentence once it ends.
 *
 * The series may be partial and grow while a run streams: each chart replaces its data, it is not rebuilt. Load
 * this module with next/dynamic (it has a default export) so uPlot ships only when traffic mode is on.
 */
import { useMemo } from 'react';
import type { Scenario } from '@/lib/scenario/schema';
import { TIMELINE_ACTION_MEANINGS } from '@/lib/scenario/vocabulary';
import type { SeriesPoint, TrafficSummary } from '@/lib/traffic';
import { formatSecondsAt } from '@/lib/traffic/figures';
import { theoryLines } from '@/lib/traffic/theory-lines';
import { chartSpecs } from './chart-specs';
import { RunSummary } from './RunSummary';
import { TheoryNotes } from './TheoryNotes';
import { TrafficChart, type HeadingLevel } from './TrafficChart';
import type { Marker } from './UPlotCanvas';
import { useDarkClass } from './useDarkClass';

export interface TrafficChartsProps {
  series: SeriesPoint[];
  bucketS: number;
  durationS: number;
  scenario: Scenario;
  /** Present once the run has ended: the one-sentence summary and Little's law need it. */
  summary?: TrafficSummary;
  /** The chosen stretch, highlighted in every chart and table. */
  selectedIndex?: number | null;
  /** A stretch picked by a click on a chart or a table's button. */
  onPick?: (index: number) => void;
  /** The level of each chart's heading, under the host's own. @default 3 */
  headingLevel?: HeadingLevel;
  /** Whether to show the one-sentence summary here; a host that announces it elsewhere sets false. @default true */
  showSummary?: boolean;
}

export function TrafficCharts({ series, bucketS, durationS, scenario, summary, selectedIndex = null, onPick, headingLevel = 3, showSummary = true }: TrafficChartsProps) {
  const dark = useDarkClass();
  const theory = useMemo(() => theoryLines({ series, bucketS, scenario, summary }), [series, bucketS, scenario, summary]);
  const specs = useMemo(() => chartSpecs({ series, scenario, theory }), [series, scenario, theory]);
  const xs = useMemo(() => series.map((p) => p.t), [series]);
  // The engine ignores an action at or after the end of arrivals (lib/traffic/timeline.ts), and so do the charts.
  const actions = useMemo(() => scenario.traffic.timeline.filter((e) => e.atS < durationS), [scenario, durationS]);
  const markers = useMemo<Marker[]>(() => actions.map((e) => ({ atS: e.atS, label: e.action })), [actions]);
  const actionsIn = useMemo(() => {
    const byStretch = new Map<number, string[]>();
    for (const e of actions) {
      const index = xs.findIndex((t) => e.atS >= t && e.atS < t + bucketS);
      if (index >= 0) byStretch.set(index, [...(byStretch.get(index) ?? []), e.action]);
    }
    return byStretch;
  }, [actions, xs, bucketS]);

  return (
    <div className="space-y-4">
      {showSummary ? <RunSummary series={series} bucketS={bucketS} scenario={scenario} summary={summary} /> : null}
      {actions.length > 0 ? (
        <div className="text-sm">
          <p className="font-medium">On the timeline (dashed markers on every chart)</p>
          <ul className="mt-1 space-y-0.5">
            {actions.map((e, i) => (
              <li key={i}>
                <span className="font-mono">{formatSecondsAt(e.atS)}</span> <span className="font-mono font-semibold">{e.action}</span>: {TIMELINE_ACTION_MEANINGS[e.action]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,26rem),1fr))] gap-4">
        {specs.map((spec) => (
          <TrafficChart
            key={spec.id}
            spec={spec}
            xs={xs}
            bucketS={bucketS}
            durationS={durationS}
            markers={markers}
            actionsIn={actionsIn}
            selectedIndex={selectedIndex}
            onPick={onPick}
            dark={dark}
            headingLevel={headingLevel}
          />
        ))}
      </div>
      {theory.length > 0 ? <TheoryNotes theory={theory} summary={summary} headingLevel={headingLevel} /> : null}
    </div>
  );
}

export default TrafficCharts;
